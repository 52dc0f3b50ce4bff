package dev.aiapiserver.redact;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: the redactor's cost on what it is given — one component message (every message of every
 * summary passes it on each derivation), 16 KiB of log lines (an evidence answer), and 2 MB lines,
 * ordinary and hostile (a log line is what a workload chooses to print).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RedactJmh {
  private static final int TWO_MB = 2 * 1024 * 1024;
  private final SecretRedactor redactor = SecretRedactor.standard();
  private String message;
  private String logs;
  private String ordinaryLine;
  private String hostileLine;

  @Setup
  public void texts() {
    message = "Failed to pull image \"registry.example.com/team/api:v2.3.1\": rpc error: code = Unknown desc = "
        + "failed to pull and unpack image \"registry.example.com/team/api:v2.3.1\": failed to authorize: "
        + "failed to fetch anonymous token: unexpected status: 401 Unauthorized";
    StringBuilder log = new StringBuilder();
    for (int i = 0; log.length() < 16 * 1024; i++) {
      log.append("2024-05-01T11:59:").append(i % 60).append("Z INFO  [http-nio-8080-exec-").append(i % 10)
          .append("] c.e.shop.OrderController : GET /orders/").append(1000 + i)
          .append(" user=").append(i % 7).append(" 200 in ").append(i % 40).append("ms\n");
      if (i % 50 == 0) {
        log.append("ERROR db: connect postgres://orders:pw-").append(i).append("@pg:5432/orders refused\n");
      }
    }
    logs = log.toString();
    StringBuilder json = new StringBuilder("{\"items\":[");
    for (int i = 0; json.length() < TWO_MB; i++) {
      json.append("{\"id\":").append(i).append(",\"sku\":\"SKU-").append(i * 7919 % 100000)
          .append("\",\"qty\":").append(i % 9).append(",\"note\":\"shipped to node ip-10-0-1-").append(i % 250)
          .append("\"},");
    }
    ordinaryLine = json.substring(0, TWO_MB);
    hostileLine = "password=".repeat(TWO_MB / 9 + 1).substring(0, TWO_MB);
  }

  @Benchmark
  public String componentMessage() {
    return redactor.redact(message);
  }

  @Benchmark
  public String logLines16KiB() {
    return redactor.redact(logs);
  }

  @Benchmark
  public String ordinaryLine2MB() {
    return redactor.redact(ordinaryLine);
  }

  @Benchmark
  public String hostileLine2MB() {
    return redactor.redact(hostileLine);
  }
}
