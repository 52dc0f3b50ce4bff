package dev.aiapiserver.store;

/** A resourceVersion or continue token older than what the store still holds (HTTP 410). */
public final class Expired extends Exception {
  public Expired(String message) {
    super(message, null, false, false);
  }
}
