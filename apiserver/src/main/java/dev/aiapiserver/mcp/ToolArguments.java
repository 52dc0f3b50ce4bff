package dev.aiapiserver.mcp;

import dev.aiapiserver.api.WorkloadSummary.Verdict;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The arguments of one tool call, read defensively. The SDK has already checked them against the
 * tool's input schema; this still refuses anything odd with a message a model can act on, because
 * a schema check can be switched off and a namespace ends up in an authorization request.
 */
final class ToolArguments {
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern SUMMARY_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

  /** A tool argument a model got wrong: becomes a tool error with this message. */
  static final class Invalid extends IllegalArgumentException {
    Invalid(String message) {
      super(message);
    }
  }

  private final Map<String, Object> values;

  ToolArguments(Map<String, Object> values) {
    this.values = values == null ? Map.of() : values;
  }

  /** The namespace, or "" when absent (all namespaces). */
  String namespace(boolean required) {
    String ns = text("namespace");
    if (ns.isEmpty()) {
      if (required) {
        throw new Invalid("namespace is required");
      }
      return "";
    }
    if (ns.length() > 63 || !DNS_LABEL.matcher(ns).matches()) {
      throw new Invalid("namespace \"" + ns + "\" is not a valid namespace name (a DNS label: lower-case letters,"
          + " digits and '-')");
    }
    return ns;
  }

  String summaryName() {
    String name = text("name");
    if (name.isEmpty()) {
      throw new Invalid("name is required, e.g. deployment.web");
    }
    if (name.length() > 280 || !SUMMARY_NAME.matcher(name).matches()) {
      throw new Invalid("name \"" + name + "\" is not a summary name; use <lower-case kind>.<workload name>, e.g."
          + " deployment.web");
    }
    return name;
  }

  /** The verdict filter, or null for any verdict. */
  Verdict verdict() {
    String v = text("verdict");
    if (v.isEmpty()) {
      return null;
    }
    try {
      return Verdict.valueOf(v);
    } catch (IllegalArgumentException e) {
      throw new Invalid("verdict \"" + v + "\" is not one of Healthy, Progressing, Degraded, Failing, Suspended,"
          + " Completed, Unknown");
    }
  }

  int limit(int defaultLimit, int max) {
    Object v = values.get("limit");
    if (v == null) {
      return defaultLimit;
    }
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
        || n.longValue() < 1 || n.longValue() > max) {
      throw new Invalid("limit must be a whole number from 1 to " + max);
    }
    return n.intValue();
  }

  String text(String key) {
    Object v = values.get(key);
    if (v == null) {
      return "";
    }
    if (!(v instanceof String s)) {
      throw new Invalid(key + " must be a string");
    }
    return s.trim();
  }
}
