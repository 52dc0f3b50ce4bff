package dev.aiapiserver.redact;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Credential formats recognisable by their own shape (JWTs, provider tokens with a fixed prefix),
 * listed in {@code token-formats.txt}: the ones gitleaks' 8.16 rules miss or cut short. Each line is
 * {@code id keywords regex}; a format runs only when one of its (comma-separated) keywords occurs.
 */
final class TokenFormats implements Detector {
  static final String RESOURCE = "token-formats.txt";

  private record Format(String id, List<String> keywords, Pattern regex) {}

  private final List<Format> formats;

  private TokenFormats(List<Format> formats) {
    this.formats = formats;
  }

  static TokenFormats load() {
    List<Format> formats = new ArrayList<>();
    try (InputStream in = TokenFormats.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\\s+", 3);
        formats.add(new Format(parts[0], List.of(parts[1].toLowerCase(Locale.ROOT).split(",")), Pattern.compile(parts[2])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TokenFormats(List.copyOf(formats));
  }

  int size() {
    return formats.size();
  }

  @Override
  public void find(String text, String lower, Spans out) {
    for (Format f : formats) {
      if (f.keywords().stream().noneMatch(lower::contains)) {
        continue;
      }
      Matcher m = f.regex().matcher(text);
      while (m.find()) {
        int group = m.groupCount() >= 1 && m.start(1) >= 0 ? 1 : 0;
        out.add(m.start(group), m.end(group));
      }
    }
  }
}
