package dev.aiapiserver.openapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Content negotiation as kube-openapi does it (goautoneg): the Accept clauses by quality, the more
 * specific first among equals; the first clause that matches an offered format wins. Unlike
 * goautoneg, a clause with q=0 refuses rather than accepts. No Accept header means any.
 */
final class MediaRanges {
  private MediaRanges() {}

  /** A format a document is offered in: what Accept must match, and the Content-Type to answer. */
  record Format(String type, String subtype, String contentType, boolean protobuf) {}

  private record Clause(String type, String subtype, double q) {}

  /** The format to answer in, or null when the Accept header allows none of the offered ones. */
  static Format choose(String accept, List<Format> offered) {
    for (Clause clause : clauses(accept == null || accept.isBlank() ? "*/*" : accept)) {
      for (Format format : offered) {
        if ((clause.type().equals("*") || clause.type().equals(format.type()))
            && (clause.subtype().equals("*") || clause.subtype().equals(format.subtype()))) {
          return format;
        }
      }
    }
    return null;
  }

  private static List<Clause> clauses(String accept) {
    List<Clause> clauses = new ArrayList<>();
    for (String part : accept.split(",")) {
      String[] pieces = part.split(";");
      String range = pieces[0].trim().toLowerCase(Locale.ROOT);
      int slash = range.indexOf('/');
      if (range.equals("*")) {
        range = "*/*";
        slash = 1;
      }
      if (slash <= 0 || slash == range.length() - 1) {
        continue;
      }
      double q = 1;
      for (int i = 1; i < pieces.length; i++) {
        String parameter = pieces[i].trim();
        if (parameter.startsWith("q=")) {
          try {
            q = Double.parseDouble(parameter.substring(2).trim());
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      if (q > 0) {
        clauses.add(new Clause(range.substring(0, slash), range.substring(slash + 1), q));
      }
    }
    clauses.sort(Comparator.comparingDouble(Clause::q).reversed()
        .thenComparing(c -> c.type().equals("*"))
        .thenComparing(c -> c.subtype().equals("*")));
    return clauses;
  }
}
