package dev.aiapiserver.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on loopback between the server and its upstream API server, to stage outages:
 * forwarding, refusing (every connection closed at once, the open ones cut), or swallowing, as a
 * network partition does (new connections accepted and read, nothing ever answered; open ones
 * pass no bytes, and resume with what was held back when forwarding starts again, as TCP does).
 */
final class LoopbackProxy implements AutoCloseable {
  enum Mode { FORWARD, REFUSE, SWALLOW }

  private final ServerSocket listener;
  private final int target;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile Mode mode = Mode.FORWARD;

  LoopbackProxy(int targetPort) throws IOException {
    this.target = targetPort;
    this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::acceptLoop, "loopback-proxy-accept");
    accept.setDaemon(true);
    accept.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Switches mode; leaving FORWARD cuts (REFUSE) or freezes (SWALLOW) the open connections. */
  void mode(Mode next) {
    this.mode = next;
    if (next == Mode.REFUSE) {
      closeOpen();
    }
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        switch (mode) {
          case REFUSE -> client.close();
          case SWALLOW -> {
            open.add(client);
            pump(client.getInputStream(), OutputStream.nullOutputStream(), client, null, true);
          }
          case FORWARD -> {
            Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
            open.add(client);
            open.add(upstream);
            pump(client.getInputStream(), upstream.getOutputStream(), client, upstream, false);
            pump(upstream.getInputStream(), client.getOutputStream(), upstream, client, false);
          }
        }
      } catch (IOException e) {
        // listener closed, or the upstream refused: the client sees its connection closed
      }
    }
  }

  /** Copies bytes; a forwarding pump holds still while swallowing, a swallowing one drops what it reads. */
  private void pump(InputStream in, OutputStream out, Socket from, Socket to, boolean drop) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try {
        while (true) {
          while (!drop && mode == Mode.SWALLOW) {
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L); // a partition: nothing passes
          }
          int n = in.read(buffer);
          if (n < 0) {
            break;
          }
          while (!drop && mode == Mode.SWALLOW) {
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // either side closed
      } finally {
        closeQuietly(from);
        if (to != null) {
          closeQuietly(to);
        }
      }
    }, "loopback-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private void closeOpen() {
    open.forEach(LoopbackProxy::closeQuietly);
    open.clear();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    closeOpen();
  }
}
