package dev.aiapiserver.bench;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table for the console and for docs/benchmarks.md (Markdown pipes). */
final class TextTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  TextTable(String... header) {
    this.header = List.of(header);
  }

  TextTable row(Object... cells) {
    List<String> r = new ArrayList<>();
    for (Object c : cells) {
      r.add(String.valueOf(c));
    }
    rows.add(r);
    return this;
  }

  /** Markdown, padded so that it also reads as a table in a terminal. */
  String render() {
    int[] width = new int[header.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = header.get(i).length();
      for (List<String> r : rows) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, header, width);
    out.append('|');
    for (int w : width) {
      out.append("-".repeat(w + 2)).append('|');
    }
    out.append('\n');
    rows.forEach(r -> line(out, r, width));
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] width) {
    out.append('|');
    for (int i = 0; i < width.length; i++) {
      String c = cells.get(i);
      boolean number = !c.isEmpty() && (Character.isDigit(c.charAt(0)) || c.charAt(0) == '-')
          && c.chars().noneMatch(Character::isLetter);
      out.append(' ').append(number ? " ".repeat(width[i] - c.length()) + c : c + " ".repeat(width[i] - c.length()))
          .append(" |");
    }
    out.append('\n');
  }
}
