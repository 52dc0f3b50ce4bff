package dev.aiapiserver.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * The demo's fixed ports, checked before anything starts: a taken port fails the start at once,
 * in one line that names the port, the flag and the way out, instead of after the cluster and the
 * views were built and with a stack trace.
 */
final class PortsInUse {
  private PortsInUse() {}

  /** A port that cannot be listened on; the message is fit to print after {@code error: }. */
  static final class PortInUseException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    PortInUseException(String message) {
      super(message);
    }
  }

  /**
   * @param port 0 (any free port) always passes
   * @param flag the flag that chose the port, named in the message
   */
  static void requireFree(String host, int port, String flag) {
    if (port == 0) {
      return;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, port));
    } catch (IOException e) {
      throw new PortInUseException("port " + port + " on " + host + " is already in use ("
          + flag + "); stop what holds it, or start the demo with " + flag
          + " 0 to pick a free port");
    }
  }
}
