package dev.aiapiserver.evidence;

import dev.aiapiserver.api.WorkloadEvidence.ContainerLog;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads the end of one container instance's log ({@code GET pods/{pod}/log}) with the server's own
 * identity, through fabric8's asynchronous HTTP client: no thread waits on the kubelet, and a read
 * that takes longer than the deadline is cancelled. Every request carries tailLines and
 * limitBytes, so the kubelet never sends a whole log, and the answer is consumed only up to
 * limitBytes even if it sent more. When the answer stops at the limit (its lines are long), it asks
 * again for fewer lines, so that the newest lines are the ones shown: 40, then 8, then the last
 * line alone.
 */
final class PodLogReader {
  static final int[] WINDOWS = {LogExcerpt.MAX_LINES, 8, 1};
  static final int LIMIT_BYTES = 16 * 1024;

  private final KubernetesClient client;
  private final Duration deadline;

  PodLogReader(KubernetesClient client, Duration deadline) {
    this.client = client;
    this.deadline = deadline;
  }

  /** The excerpt of target's log; never fails: a problem becomes the entry's error. */
  CompletableFuture<ContainerLog> read(LogTarget target) {
    AtomicReference<AsyncBody> open = new AtomicReference<>();
    return window(target, 0, open)
        .orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS)
        .handle((log, error) -> {
          if (error == null) {
            return log;
          }
          AsyncBody body = open.getAndSet(null);
          if (body != null) {
            body.cancel(); // nothing more is read from a slow kubelet
          }
          Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
          return LogExcerpt.failed(target, cause instanceof TimeoutException
              ? "the log could not be read within " + deadline.toMillis() + "ms"
              : "the log could not be read: " + cause.getClass().getSimpleName());
        });
  }

  private CompletableFuture<ContainerLog> window(LogTarget target, int attempt, AtomicReference<AsyncBody> open) {
    return fetch(target, WINDOWS[attempt], open).thenCompose(answer -> {
      if (answer.code() >= 300) {
        return CompletableFuture.completedFuture(LogExcerpt.failed(target, refusal(answer)));
      }
      if (answer.cut() && attempt + 1 < WINDOWS.length) {
        return window(target, attempt + 1, open);
      }
      return CompletableFuture.completedFuture(LogExcerpt.of(target, answer.bytes(), answer.cut()));
    });
  }

  private record Answer(int code, byte[] bytes, boolean cut) {}

  private CompletableFuture<Answer> fetch(LogTarget target, int tailLines, AtomicReference<AsyncBody> open) {
    HttpClient http = client.getHttpClient();
    HttpRequest request = http.newHttpRequestBuilder().uri(url(target, tailLines)).build();
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    AsyncBody.Consumer<List<ByteBuffer>> consumer = (buffers, body) -> {
      synchronized (read) {
        for (ByteBuffer b : buffers) {
          int n = Math.min(b.remaining(), LIMIT_BYTES - read.size());
          byte[] chunk = new byte[n];
          b.get(chunk);
          read.write(chunk, 0, n);
        }
        if (read.size() >= LIMIT_BYTES) {
          body.cancel(); // the kubelet ignored limitBytes: read no further
          return;
        }
      }
      body.consume();
    };
    return http.consumeBytes(request, consumer).thenCompose(response -> {
      AsyncBody body = response.body();
      open.set(body);
      body.consume();
      return body.done().handle((done, error) -> {
        open.compareAndSet(body, null);
        synchronized (read) {
          boolean cut = read.size() >= LIMIT_BYTES;
          if (error != null && !cut) {
            throw new CompletionException(error);
          }
          return new Answer(response.code(), read.toByteArray(), cut);
        }
      });
    });
  }

  String url(LogTarget target, int tailLines) {
    String base = client.getMasterUrl().toString();
    return (base.endsWith("/") ? base : base + "/") + "api/v1/namespaces/" + encode(target.namespace())
        + "/pods/" + encode(target.pod()) + "/log?container=" + encode(target.container())
        + (target.previous() ? "&previous=true" : "") + "&tailLines=" + tailLines + "&limitBytes=" + LIMIT_BYTES;
  }

  /** The API server's reason, e.g. previous terminated container "app" in pod "web-1" not found. */
  private static String refusal(Answer answer) {
    try {
      Status status = Serialization.unmarshal(new String(answer.bytes(), StandardCharsets.UTF_8), Status.class);
      if (status != null && status.getMessage() != null && !status.getMessage().isBlank()) {
        return status.getMessage();
      }
    } catch (RuntimeException notAStatus) {
      // fall through to the code
    }
    return "the API server answered " + answer.code() + " when the log was read";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
