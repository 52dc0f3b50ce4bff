package dev.aiapiserver.sources;

import dev.aiapiserver.redact.SecretRedactor;

/**
 * What an error from the API server says, as logs and {@code /readyz?verbose} show it: its message
 * passed through the redactor and cut to 200 characters. A client error quotes the Status message
 * the API server wrote, which can quote what a webhook or a component wrote, and {@code /readyz} is
 * answered to anyone.
 */
final class UpstreamErrors {
  private static final int MAX = 200;

  private UpstreamErrors() {}

  static String describe(Throwable error) {
    String text = SecretRedactor.standard().redact(String.valueOf(error.getMessage()));
    return text.length() > MAX ? text.substring(0, MAX) : text;
  }
}
