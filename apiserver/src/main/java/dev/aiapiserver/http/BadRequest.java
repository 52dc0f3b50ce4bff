package dev.aiapiserver.http;

/** A request the client got wrong: answered as a 400 BadRequest Status with this message. */
final class BadRequest extends RuntimeException {
  BadRequest(String message) {
    super(message, null, false, false);
  }
}
