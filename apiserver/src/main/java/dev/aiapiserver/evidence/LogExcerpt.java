package dev.aiapiserver.evidence;

import dev.aiapiserver.api.WorkloadEvidence.ContainerLog;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The shown part of what was read of one container instance's log: its last lines, at most
 * {@link #MAX_LINES} and {@link #MAX_BYTES} bytes, each line redacted and cut to
 * {@link #MAX_LINE} characters. Pure.
 */
final class LogExcerpt {
  static final int MAX_LINES = 40;
  static final int MAX_BYTES = 4096;
  static final int MAX_LINE = 240;

  private LogExcerpt() {}

  /**
   * @param read the bytes the kubelet returned (the end of the log, at most the request's limitBytes)
   * @param cut true when the answer stopped at limitBytes, so its last line may be incomplete
   */
  static ContainerLog of(LogTarget target, byte[] read, boolean cut) {
    List<String> all = lines(decode(read));
    if (cut && !all.isEmpty()) {
      int last = all.size() - 1;
      all.set(last, all.get(last) + " …[cut]");
    }
    List<String> kept = new ArrayList<>();
    int bytes = 0;
    for (int i = all.size() - 1; i >= 0 && kept.size() < MAX_LINES; i--) {
      String line = ClusterText.bounded(all.get(i), MAX_LINE);
      int size = line.getBytes(StandardCharsets.UTF_8).length + 1;
      if (bytes + size > MAX_BYTES) {
        break;
      }
      bytes += size;
      kept.add(0, line);
    }
    return new ContainerLog(target.pod(), target.container(), target.previous(), List.copyOf(kept),
        all.size() - kept.size(), null);
  }

  static ContainerLog failed(LogTarget target, String error) {
    return new ContainerLog(target.pod(), target.container(), target.previous(), List.of(), 0,
        ClusterText.bounded(error, 300));
  }

  // Logs are mostly UTF-8, but a program may write anything; a bad byte must not lose the line.
  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1); // the newline that ends the last line
    }
    return lines;
  }
}
