package dev.aiapiserver.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sample output docs/quickstart.md shows: each indented {@code kubectl get ...} line that is
 * followed, after a blank line, by a table (a header of capitals, then rows; {@code ...} stands
 * for rows left out). Tests run the same command and compare the tables, so the quickstart shows
 * what the demo prints.
 */
final class QuickstartTables {
  static final Path QUICKSTART = Path.of("..", "docs", "quickstart.md");

  /**
   * The cells that move while the demo runs, by row name: a row of a moving workload is compared
   * on its other cells only. AGE and RESTARTS always move.
   */
  static final Map<String, Set<String>> MOVING = Map.of(
      // a web pod fails or passes its readiness probe every 15 s
      "deployment.web", Set.of("READY", "VERDICT", "REASON"),
      "checkout-", Set.of("STATUS"),
      "web-", Set.of("READY", "STATUS"));
  static final Set<String> ALWAYS_MOVING = Set.of("AGE", "RESTARTS");

  /** One documented command and the table printed under it. */
  record Sample(List<String> args, List<String> table) {}

  private QuickstartTables() {}

  static List<Sample> samples() throws IOException {
    List<String> lines = Files.readAllLines(QUICKSTART);
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i + 2 < lines.size(); i++) {
      String command = lines.get(i);
      if (!command.startsWith("    kubectl get ") || !lines.get(i + 1).isBlank()
          || !lines.get(i + 2).matches(" {4}[A-Z][A-Z ]+")) {
        continue;
      }
      List<String> table = new ArrayList<>();
      for (int j = i + 2; j < lines.size() && lines.get(j).startsWith("    "); j++) {
        table.add(lines.get(j).substring(4));
      }
      String bare = command.strip().replaceFirst("\\s+#.*$", "");
      samples.add(new Sample(List.of(bare.substring("kubectl ".length()).split("\\s+")), table));
    }
    return samples;
  }

  /**
   * What differs between the documented table and the printed one, one line per difference;
   * empty when they agree. Every documented row must be printed with the same stable cells, and
   * where the documentation shows no {@code ...} it must show every printed row.
   */
  static List<String> differences(List<String> documented, String printed) {
    List<String> problems = new ArrayList<>();
    List<String> live = printed.lines().toList();
    if (live.isEmpty() || !columns(live.get(0)).equals(columns(documented.get(0)))) {
      problems.add("header: documented " + documented.get(0) + " | printed "
          + (live.isEmpty() ? "nothing" : live.get(0)));
      return problems;
    }
    List<Map<String, String>> want = rows(documented);
    List<Map<String, String>> have = rows(live);
    for (Map<String, String> row : want) {
      String name = row.get("NAME");
      Map<String, String> match = have.stream().filter(r -> name.equals(r.get("NAME"))
          && Objects.equals(row.get("NAMESPACE"), r.get("NAMESPACE"))).findFirst().orElse(null);
      if (match == null) {
        problems.add("documented, not printed: " + row);
        continue;
      }
      for (String column : row.keySet()) {
        if (!ALWAYS_MOVING.contains(column) && !moving(name).contains(column)
            && !row.get(column).equals(match.get(column))) {
          problems.add(name + " " + column + ": documented \"" + row.get(column)
              + "\", printed \"" + match.get(column) + "\"");
        }
      }
    }
    boolean elided = documented.stream().anyMatch(l -> l.strip().equals("..."));
    if (!elided) {
      have.stream().filter(r -> want.stream().noneMatch(w -> w.get("NAME").equals(r.get("NAME"))
              && Objects.equals(w.get("NAMESPACE"), r.get("NAMESPACE"))))
          .forEach(r -> problems.add("printed, not documented: " + r));
    }
    return problems;
  }

  private static Set<String> moving(String name) {
    return MOVING.entrySet().stream().filter(e -> name.equals(e.getKey())
            || (e.getKey().endsWith("-") && name.startsWith(e.getKey())))
        .map(Map.Entry::getValue).findFirst().orElse(Set.of());
  }

  /** The header's column names, in order. */
  private static List<String> columns(String header) {
    return List.of(header.strip().split("\\s{2,}"));
  }

  /**
   * The rows of a table, each cell cut at the offset where its column's header starts: kubectl
   * aligns every cell under its header, and an empty cell is only spaces.
   */
  private static List<Map<String, String>> rows(List<String> table) {
    String header = table.get(0);
    List<String> names = columns(header);
    List<Integer> starts = new ArrayList<>();
    Matcher m = Pattern.compile("\\S+(?: \\S+)*").matcher(header);
    while (m.find()) {
      starts.add(m.start());
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : table.subList(1, table.size())) {
      if (line.strip().equals("...") || line.isBlank()) {
        continue;
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < names.size(); c++) {
        int from = Math.min(starts.get(c), line.length());
        int to = c + 1 < starts.size() ? Math.min(starts.get(c + 1), line.length()) : line.length();
        row.put(names.get(c), line.substring(from, to).strip());
      }
      rows.add(row);
    }
    return rows;
  }
}
