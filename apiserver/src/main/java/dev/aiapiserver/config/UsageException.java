package dev.aiapiserver.config;

/**
 * The command line cannot be used as given: an unknown command or flag, a missing or bad value. The
 * message is one line that names the offending flag, fit to print after {@code error: }.
 */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
