package dev.aiapiserver.views;

import dev.aiapiserver.redact.SecretRedactor;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Scrubs secrets out of free text before it enters a view: first the workload's own command lines and
 * env values where the caches still hold them (a RunContainerError repeats the command line), then
 * every secret-shaped value ({@link SecretRedactor}: the caches drop env and args, and components
 * quote passwords, tokens and URLs with credentials in their messages). Every message is passed
 * through here before it is shown.
 */
final class Redaction {
  static final String MARK = SecretRedactor.MARK;
  /** Whole values shorter than this are too common to be secrets worth garbling messages for. */
  private static final int MIN_VALUE = 4;
  /** Parts of values (after '=', between spaces) must be longer still. */
  private static final int MIN_PART = 8;

  private final List<String> secrets;

  private Redaction(List<String> secrets) {
    this.secrets = secrets;
  }

  static Redaction of(Stream<PodSpec> specs) {
    Set<String> found = new LinkedHashSet<>();
    specs.filter(Objects::nonNull).forEach(spec -> {
      containers(spec.getInitContainers()).forEach(c -> collect(c, found));
      containers(spec.getContainers()).forEach(c -> collect(c, found));
    });
    List<String> longestFirst = new ArrayList<>(found);
    // Longest first, so that a value containing another is removed whole.
    longestFirst.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
    return new Redaction(List.copyOf(longestFirst));
  }

  String scrub(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, MARK);
    }
    return SecretRedactor.standard().redact(out);
  }

  /** Scrubs, then clips: the order matters, clipping first could leave half a secret. */
  String clean(String text, int max) {
    return FreeText.clip(scrub(text), max);
  }

  private static List<Container> containers(List<Container> list) {
    return list == null ? List.of() : list;
  }

  private static void collect(Container c, Set<String> found) {
    if (c.getEnv() != null) {
      for (EnvVar env : c.getEnv()) {
        add(env.getValue(), found);
      }
    }
    if (c.getCommand() != null) {
      c.getCommand().forEach(v -> add(v, found));
    }
    if (c.getArgs() != null) {
      c.getArgs().forEach(v -> add(v, found));
    }
  }

  private static void add(String value, Set<String> found) {
    if (value == null || value.strip().length() < MIN_VALUE) {
      return;
    }
    found.add(value.strip());
    int eq = value.indexOf('=');
    if (eq >= 0) {
      addPart(value.substring(eq + 1), found);
    }
    for (String word : value.split("[\\s'\"]+")) {
      addPart(word, found);
      int wordEq = word.indexOf('=');
      if (wordEq >= 0) {
        addPart(word.substring(wordEq + 1), found);
      }
    }
  }

  private static void addPart(String part, Set<String> found) {
    String p = part.strip();
    if (p.length() >= MIN_PART) {
      found.add(p);
    }
  }
}
