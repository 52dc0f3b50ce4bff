package dev.aiapiserver.http;

import java.util.List;

/**
 * Query parameter values read as kube-apiserver's parameter codec reads them
 * (k8s.io/apimachinery conversion of url.Values): the first value counts; a boolean is false only
 * when absent, {@code 0} or {@code false} (any case) and true otherwise, even {@code ?watch} or
 * {@code watch=maybe}; an integer is a base-10 int64 (an optional sign, no spaces), and anything
 * else, the empty string included, is a 400 naming the parameter.
 */
final class QueryValues {
  private static final java.util.regex.Pattern ASCII_INTEGER = java.util.regex.Pattern.compile("[+-]?[0-9]+");
  private QueryValues() {}

  static boolean bool(List<String> values) {
    if (values == null || values.isEmpty()) {
      return false;
    }
    String v = values.get(0);
    return !(v.equals("0") || v.equalsIgnoreCase("false"));
  }

  /** True, false, or null when the parameter is absent (a *bool in Go). */
  static Boolean optionalBool(List<String> values) {
    return values == null || values.isEmpty() ? null : bool(values);
  }

  /** The int64, or null when the parameter is absent. */
  static Long integer(List<String> values, String param) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    String v = values.get(0);
    try {
      if (!ASCII_INTEGER.matcher(v).matches()) {
        throw new NumberFormatException(); // Long.parseLong would also take other scripts' digits
      }
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new BadRequest(param + ": Invalid value: \"" + v + "\": must be an integer");
    }
  }
}
