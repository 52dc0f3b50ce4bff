package dev.aiapiserver.http;

/**
 * A request the client got wrong: answered as a 400 BadRequest Status with this message. An
 * IllegalArgumentException, so that callers outside this package (the MCP tools parsing a label
 * selector) can catch it.
 */
final class BadRequest extends IllegalArgumentException {
  BadRequest(String message) {
    super(message);
  }

  // Expected and frequent: no stack trace to fill.
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
