package dev.aiapiserver.redact;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * gitleaks' rule set (vendored as {@code gitleaks.toml}), applied as gitleaks applies it to one
 * line: a rule runs only when one of its keywords occurs, its secret is the rule's secret group (or
 * the whole match), stop words and the entropy floor drop low-value matches. The expressions are
 * RE2, run by re2j, so the time stays linear in the length of the text whatever it holds.
 */
final class GitleaksRules implements Detector {
  static final String RESOURCE = "gitleaks.toml";
  /**
   * Rules this package replaces with a broader shape of its own: gitleaks' private-key rule needs the
   * END line (a clipped message has none), its JWT rule misses Kubernetes service-account tokens
   * (their header is longer than 34 characters), its Slack rule stops at the first dash of the token.
   */
  private static final Set<String> REPLACED = Set.of("private-key", "jwt", "slack-access-token", "generic-api-key");

  private record Rule(String id, Pattern regex, int secretGroup, double entropy, List<String> keywords,
      List<String> stopwords) {}

  private final List<Rule> rules;

  private GitleaksRules(List<Rule> rules) {
    this.rules = rules;
  }

  int size() {
    return rules.size();
  }

  static GitleaksRules load() {
    try (InputStream in = GitleaksRules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(Toml.parse(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static GitleaksRules parse(TomlParseResult toml) {
    if (toml.hasErrors()) {
      throw new IllegalStateException(RESOURCE + ": " + toml.errors().get(0));
    }
    TomlArray array = toml.getArrayOrEmpty("rules");
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      TomlTable t = array.getTable(i);
      String id = t.getString("id");
      String regex = t.getString("regex");
      if (regex == null || REPLACED.contains(id)) {
        continue;
      }
      Long group = t.getLong("secretGroup");
      Double entropy = t.getDouble("entropy");
      TomlTable allow = t.getTable("allowlist");
      rules.add(new Rule(id, Pattern.compile(regex), group == null ? 0 : group.intValue(),
          entropy == null ? 0 : entropy, strings(t.getArrayOrEmpty("keywords")),
          allow == null ? List.of() : strings(allow.getArrayOrEmpty("stopwords"))));
    }
    return new GitleaksRules(List.copyOf(rules));
  }

  private static List<String> strings(TomlArray array) {
    List<String> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      out.add(array.getString(i).toLowerCase(Locale.ROOT));
    }
    return List.copyOf(out);
  }

  @Override
  public void find(String text, String lower, Spans out) {
    for (Rule rule : rules) {
      if (mentioned(rule, lower)) {
        apply(rule, text, out);
      }
    }
  }

  private static boolean mentioned(Rule rule, String lower) {
    if (rule.keywords().isEmpty()) {
      return true;
    }
    for (String keyword : rule.keywords()) {
      if (lower.contains(keyword)) {
        return true;
      }
    }
    return false;
  }

  private static void apply(Rule rule, String text, Spans out) {
    Matcher m = rule.regex().matcher(text);
    while (m.find()) {
      int start;
      int end;
      if (rule.secretGroup() > 0 && rule.secretGroup() <= m.groupCount()) {
        start = m.start(rule.secretGroup());
        end = m.end(rule.secretGroup());
      } else {
        // Without a secret group gitleaks takes the whole match, which may end in the delimiter.
        start = m.start();
        end = m.end();
        while (end > start && isDelimiter(text.charAt(end - 1))) {
          end--;
        }
      }
      if (start < 0 || end <= start) {
        continue;
      }
      String secret = text.substring(start, end);
      if (accepted(rule, secret)) {
        out.add(start, end);
      }
    }
  }

  private static boolean isDelimiter(char c) {
    return c == '\'' || c == '"' || c == '`' || c == ';' || c == '|' || Character.isWhitespace(c);
  }

  private static boolean accepted(Rule rule, String secret) {
    String lower = secret.toLowerCase(Locale.ROOT);
    for (String stop : rule.stopwords()) {
      if (lower.contains(stop)) {
        return false;
      }
    }
    if (rule.entropy() > 0) {
      if (Entropy.shannon(secret) <= rule.entropy()) {
        return false;
      }
      // As gitleaks does: a generic match must hold a digit, or it is most likely a word.
      if (rule.id().startsWith("generic") && secret.chars().noneMatch(Character::isDigit)) {
        return false;
      }
    }
    return true;
  }
}
