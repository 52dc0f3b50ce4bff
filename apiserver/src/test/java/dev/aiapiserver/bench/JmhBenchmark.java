package dev.aiapiserver.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * The in-process parts, measured with JMH (each *Jmh class: sample time, a forked JVM, warm-up
 * iterations first): deriving a summary, the pod cache's work per pod, and rendering a namespace
 * list. Prints a table and writes it to target/bench/jmh.md. Options: bench.jmh.forks (1),
 * bench.jmh.warmups (3), bench.jmh.iterations (5), of one second each; bench.jmh.include (a regular
 * expression) runs only the benchmarks it matches.
 */
class JmhBenchmark {
  private static final List<String> CLASSES = List.of(
      "dev.aiapiserver.views.DeriveJmh", "dev.aiapiserver.sources.PodCacheJmh", "dev.aiapiserver.http.ListJmh",
      "dev.aiapiserver.redact.RedactJmh");

  @Test
  void theInProcessPartsAreMeasuredWithJmh() throws Exception {
    OptionsBuilder options = new OptionsBuilder();
    String only = System.getProperty("bench.jmh.include");
    if (only != null) {
      options.include(only);
    } else {
      CLASSES.forEach(c -> options.include(c.replace(".", "\\.") + "\\."));
    }
    Options run = options
        .forks(Integer.getInteger("bench.jmh.forks", 1))
        .warmupIterations(Integer.getInteger("bench.jmh.warmups", 3))
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(Integer.getInteger("bench.jmh.iterations", 5))
        .measurementTime(TimeValue.seconds(1))
        .jvmArgs("-Xms1g", "-Xmx1g")
        .shouldFailOnError(true)
        .build();
    Collection<RunResult> results = new Runner(run).run();

    TextTable table = new TextTable("benchmark (JMH, sample time)", "p50", "p99", "mean ± 99.9% error", "samples");
    List<String> names = new ArrayList<>();
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      names.add(name);
      Statistics s = r.getPrimaryResult().getStatistics();
      String unit = r.getPrimaryResult().getScoreUnit().replace("/op", "");
      table.row(name.substring("dev.aiapiserver.".length()), format(s.getPercentile(50), unit),
          format(s.getPercentile(99), unit),
          format(s.getMean(), unit) + " ± " + format(s.getMeanErrorAt(0.999), unit), s.getN());
    }
    String report = "## In-process parts (JMH)\n\n" + table.render();
    System.out.println(report);
    Path out = Path.of("target", "bench", "jmh.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    if (only == null) {
      assertEquals(7, names.size(), "every benchmark ran: " + names);
    }
  }

  private static String format(double value, String unit) {
    return String.format(Locale.ROOT, value < 10 ? "%.2f %s" : "%.1f %s", value, unit);
  }
}
