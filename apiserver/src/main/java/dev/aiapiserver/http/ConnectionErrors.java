package dev.aiapiserver.http;

import javax.net.ssl.SSLException;
import org.slf4j.LoggerFactory;

/**
 * Errors on a connection outside any request (a failed TLS handshake, a reset, a protocol error):
 * caused by clients, so one bounded line each, without a stack trace.
 */
final class ConnectionErrors {
  private static final ClientErrorLog LOG = new ClientErrorLog(LoggerFactory.getLogger(ConnectionErrors.class));

  private ConnectionErrors() {}

  static void log(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null && !(cause instanceof SSLException)) {
      cause = cause.getCause();
    }
    LOG.info("connection_error", "error=" + cause.getClass().getSimpleName()
        + " reason=" + ClientErrorLog.clean(String.valueOf(cause.getMessage())));
  }
}
