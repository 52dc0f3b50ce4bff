package dev.aiapiserver.http;

import dev.aiapiserver.resources.ResourceType;
import dev.aiapiserver.store.StoredView;
import java.util.ArrayList;
import java.util.List;

/**
 * A field selector ({@code f=v}, {@code f==v}, {@code f!=v}, comma-separated) over the fields a
 * resource supports: metadata.name, metadata.namespace and the resource's own (e.g.
 * health.verdict, workload.kind). Any other field is a 400, as in kube-apiserver.
 */
final class FieldSelector {
  static final FieldSelector EVERYTHING = new FieldSelector(List.of());

  record Term(String field, boolean equal, String value) {}

  private final List<Term> terms;

  private FieldSelector(List<Term> terms) {
    this.terms = terms;
  }

  boolean isEverything() {
    return terms.isEmpty();
  }

  /** The value an equality term requires of a field, or null. */
  String required(String field) {
    for (Term t : terms) {
      if (t.equal() && t.field().equals(field)) {
        return t.value();
      }
    }
    return null;
  }

  boolean matches(StoredView view) {
    for (Term t : terms) {
      String v = view.field(t.field());
      if (t.equal() != t.value().equals(v == null ? "" : v)) {
        return false;
      }
    }
    return true;
  }

  static FieldSelector parse(String text, ResourceType type) {
    if (text == null || text.isBlank()) {
      return EVERYTHING;
    }
    List<Term> terms = new ArrayList<>();
    for (String part : splitTerms(text)) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      int ne = p.indexOf("!=");
      int eq = p.indexOf('=');
      Term t;
      if (ne >= 0) {
        t = new Term(p.substring(0, ne).trim(), false, p.substring(ne + 2).trim());
      } else if (eq >= 0) {
        int skip = p.startsWith("==", eq) ? 2 : 1;
        t = new Term(p.substring(0, eq).trim(), true, p.substring(eq + skip).trim());
      } else {
        throw new BadRequest("invalid selector: '" + text + "'; can't understand '" + p + "'");
      }
      if (!type.selectableFields().contains(t.field())) {
        throw new BadRequest("field label not supported: " + t.field());
      }
      terms.add(t);
    }
    return new FieldSelector(terms);
  }

  /** Splits on commas not escaped with a backslash, as fields.ParseSelector does. */
  private static List<String> splitTerms(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        cur.append(text.charAt(++i));
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
