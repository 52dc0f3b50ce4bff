package dev.aiapiserver.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A parsed label selector with the full syntax of k8s.io/apimachinery/pkg/labels: {@code k=v},
 * {@code k==v}, {@code k!=v}, {@code k in (a,b)}, {@code k notin (a,b)}, {@code k}, {@code !k},
 * {@code k>1}, {@code k<1}, comma-separated and all required. Public for the MCP tools, which
 * filter views by the same syntax as {@code ?labelSelector=}.
 */
public final class LabelSelector {
  static final LabelSelector EVERYTHING = new LabelSelector(List.of());

  private static final Pattern NAME = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)");
  private static final Pattern PREFIX =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

  enum Op { EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, DOES_NOT_EXIST, GREATER, LESS }

  record Requirement(String key, Op op, Set<String> values) {
    boolean matches(Map<String, String> labels) {
      String v = labels == null ? null : labels.get(key);
      return switch (op) {
        case EQUALS, IN -> v != null && values.contains(v);
        case NOT_EQUALS, NOT_IN -> v == null || !values.contains(v);
        case EXISTS -> v != null;
        case DOES_NOT_EXIST -> v == null;
        case GREATER, LESS -> {
          if (v == null) {
            yield false;
          }
          try {
            long have = Long.parseLong(v);
            long want = Long.parseLong(values.iterator().next());
            yield op == Op.GREATER ? have > want : have < want;
          } catch (NumberFormatException e) {
            yield false;
          }
        }
      };
    }
  }

  private final List<Requirement> requirements;

  private LabelSelector(List<Requirement> requirements) {
    this.requirements = requirements;
  }

  boolean isEverything() {
    return requirements.isEmpty();
  }

  public boolean matches(Map<String, String> labels) {
    for (Requirement r : requirements) {
      if (!r.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  /**
   * @throws IllegalArgumentException with kube-apiserver's wording when the text is not a selector
   */
  public static LabelSelector parse(String text) {
    if (text == null || text.isBlank()) {
      return EVERYTHING;
    }
    return new LabelSelector(new Parser(text).parse());
  }

  /** A small tokenizer-free recursive parser over the selector text. */
  private static final class Parser {
    private final String s;
    private int i;

    Parser(String s) {
      this.s = s;
    }

    List<Requirement> parse() {
      List<Requirement> out = new ArrayList<>();
      while (true) {
        skipSpace();
        out.add(requirement());
        skipSpace();
        if (i >= s.length()) {
          return out;
        }
        expect(',');
      }
    }

    private Requirement requirement() {
      skipSpace();
      if (peek('!')) {
        i++;
        skipSpace();
        String key = key();
        return new Requirement(key, Op.DOES_NOT_EXIST, Set.of());
      }
      String key = key();
      skipSpace();
      if (i >= s.length() || peek(',')) {
        return new Requirement(key, Op.EXISTS, Set.of());
      }
      if (s.startsWith("==", i)) {
        i += 2;
        return new Requirement(key, Op.EQUALS, Set.of(value()));
      }
      if (s.startsWith("!=", i)) {
        i += 2;
        return new Requirement(key, Op.NOT_EQUALS, Set.of(value()));
      }
      if (peek('=')) {
        i++;
        return new Requirement(key, Op.EQUALS, Set.of(value()));
      }
      if (peek('>') || peek('<')) {
        Op op = peek('>') ? Op.GREATER : Op.LESS;
        i++;
        String v = value();
        try {
          Long.parseLong(v);
        } catch (NumberFormatException e) {
          throw fail("for 'Gt', 'Lt' operators, the value must be an integer");
        }
        return new Requirement(key, op, Set.of(v));
      }
      if (word("notin")) {
        return new Requirement(key, Op.NOT_IN, set());
      }
      if (word("in")) {
        return new Requirement(key, Op.IN, set());
      }
      throw fail("found '" + rest() + "', expected: in, notin, =, ==, !=, gt, lt");
    }

    private Set<String> set() {
      skipSpace();
      expect('(');
      Set<String> values = new TreeSet<>();
      while (true) {
        skipSpace();
        if (peek(')')) {
          i++;
          break;
        }
        values.add(value());
        skipSpace();
        if (peek(',')) {
          i++;
        } else if (!peek(')')) {
          throw fail("found '" + rest() + "', expected: ',', ')'");
        }
      }
      return values;
    }

    private boolean word(String w) {
      if (s.startsWith(w, i)) {
        int end = i + w.length();
        if (end < s.length() && (Character.isWhitespace(s.charAt(end)) || s.charAt(end) == '(')) {
          i = end;
          return true;
        }
      }
      return false;
    }

    private String key() {
      int start = i;
      while (i < s.length() && isIdent(s.charAt(i))) {
        i++;
      }
      String key = s.substring(start, i);
      if (key.isEmpty()) {
        throw fail("found '" + rest() + "', expected: identifier");
      }
      validateKey(key);
      return key;
    }

    private String value() {
      skipSpace();
      int start = i;
      while (i < s.length() && isIdent(s.charAt(i)) && s.charAt(i) != '/') {
        i++;
      }
      String v = s.substring(start, i);
      if (v.length() > 63 || !VALUE.matcher(v).matches()) {
        throw fail("invalid label value: \"" + v + "\": a valid label must be an empty string or consist of"
            + " alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
      }
      return v;
    }

    private static boolean isIdent(char c) {
      return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '/';
    }

    private void validateKey(String key) {
      int slash = key.indexOf('/');
      String name = slash < 0 ? key : key.substring(slash + 1);
      if (slash >= 0) {
        String prefix = key.substring(0, slash);
        if (prefix.isEmpty() || prefix.length() > 253 || !PREFIX.matcher(prefix).matches()) {
          throw fail("invalid label key \"" + key + "\": prefix part must be a lowercase RFC 1123 subdomain");
        }
      }
      if (name.isEmpty() || name.length() > 63 || !NAME.matcher(name).matches()) {
        throw fail("invalid label key \"" + key + "\": name part must consist of alphanumeric characters, '-',"
            + " '_' or '.', and must start and end with an alphanumeric character");
      }
    }

    private void skipSpace() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    private boolean peek(char c) {
      return i < s.length() && s.charAt(i) == c;
    }

    private void expect(char c) {
      if (!peek(c)) {
        throw fail("found '" + rest() + "', expected: '" + c + "'");
      }
      i++;
    }

    private String rest() {
      return i >= s.length() ? "" : s.substring(i, Math.min(s.length(), i + 20));
    }

    private BadRequest fail(String why) {
      return new BadRequest("unable to parse requirement: " + why);
    }
  }
}
