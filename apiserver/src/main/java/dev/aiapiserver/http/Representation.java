package dev.aiapiserver.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The representations the server speaks, chosen from the Accept header in order of preference:
 * JSON, YAML, meta.k8s.io Table (v1, v1beta1) and PartialObjectMetadata(List) (v1, v1beta1).
 */
enum Representation {
  JSON, YAML, TABLE, PARTIAL_METADATA;

  /** For Table and PartialObjectMetadata: the meta.k8s.io version asked for. */
  record Choice(Representation representation, String metaVersion) {
    String metaApiVersion() {
      return "meta.k8s.io/" + metaVersion;
    }
  }

  static final String ACCEPTED = "application/json, application/yaml, application/json;as=Table;g=meta.k8s.io;v=v1"
      + " (or v1beta1), application/json;as=PartialObjectMetadata(List);g=meta.k8s.io;v=v1 (or v1beta1)";

  /** @return the choice, or null when nothing in the Accept header can be served (406) */
  static Choice negotiate(String accept) {
    if (accept == null || accept.isBlank()) {
      return new Choice(JSON, "v1");
    }
    List<MediaRange> ranges = new ArrayList<>();
    int order = 0;
    for (String part : accept.split(",")) {
      MediaRange r = MediaRange.parse(part, order++);
      if (r != null && r.q() > 0) {
        ranges.add(r);
      }
    }
    ranges.sort(Comparator.comparingDouble(MediaRange::q).reversed().thenComparingInt(MediaRange::order));
    for (MediaRange r : ranges) {
      Choice c = r.choice();
      if (c != null) {
        return c;
      }
    }
    return null;
  }

  record MediaRange(String type, Map<String, String> params, double q, int order) {
    static MediaRange parse(String text, int order) {
      String[] bits = text.trim().split(";");
      if (bits.length == 0 || bits[0].isBlank()) {
        return null;
      }
      Map<String, String> params = new HashMap<>();
      double q = 1.0;
      for (int i = 1; i < bits.length; i++) {
        int eq = bits[i].indexOf('=');
        if (eq < 0) {
          continue;
        }
        String k = bits[i].substring(0, eq).trim().toLowerCase(Locale.ROOT);
        String v = bits[i].substring(eq + 1).trim();
        if (k.equals("q")) {
          try {
            q = Double.parseDouble(v);
          } catch (NumberFormatException e) {
            q = 0;
          }
        } else {
          params.put(k, v);
        }
      }
      return new MediaRange(bits[0].trim().toLowerCase(Locale.ROOT), params, q, order);
    }

    Choice choice() {
      String as = params.get("as");
      switch (type) {
        case "application/json", "application/*", "*/*" -> {
          if (as == null) {
            return new Choice(JSON, "v1");
          }
          String g = params.getOrDefault("g", "");
          String v = params.getOrDefault("v", "");
          if (!g.equals("meta.k8s.io") || !(v.equals("v1") || v.equals("v1beta1"))) {
            return null;
          }
          return switch (as) {
            case "Table" -> new Choice(TABLE, v);
            case "PartialObjectMetadata", "PartialObjectMetadataList" -> new Choice(PARTIAL_METADATA, v);
            default -> null;
          };
        }
        case "application/yaml" -> {
          return as == null ? new Choice(YAML, "v1") : null;
        }
        default -> {
          return null;
        }
      }
    }
  }
}
