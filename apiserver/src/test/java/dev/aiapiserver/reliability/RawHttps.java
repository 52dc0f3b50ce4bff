package dev.aiapiserver.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * HTTP/1.1 over TLS, written byte by byte: what a careless or hostile client sends, which the JDK's
 * own client refuses to (bad escapes, odd methods, raw request lines).
 */
final class RawHttps {
  record Response(int code, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final SSLContext tls;
  private final int port;

  RawHttps(SSLContext tls, int port) {
    this.tls = tls;
    this.port = port;
  }

  SSLSocket connect() throws IOException {
    SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(10_000);
    socket.startHandshake();
    return socket;
  }

  /** Sends one request (the request line and headers as given; Host and Connection: close added). */
  Response exchange(String requestLine, Map<String, String> headers) throws IOException {
    StringBuilder head = new StringBuilder(requestLine).append("\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("\r\n");
    return exchange(head.toString().getBytes(StandardCharsets.UTF_8));
  }

  Response exchange(byte[] request) throws IOException {
    try (SSLSocket socket = connect()) {
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      return read(socket.getInputStream());
    }
  }

  /** Reads the status, headers and (Content-Length or chunked or until close, up to 2 s of quiet) the body. */
  static Response read(InputStream in) throws IOException {
    String status = line(in);
    if (status == null) {
      throw new IOException("the server closed the connection without an answer");
    }
    int code = Integer.parseInt(status.split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      if (headers.containsKey("content-length")) {
        body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
      } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        // the first chunk only: a list comes whole in it, and of a watch the start is enough
        int size = Integer.parseInt(line(in).trim(), 16);
        body.write(in.readNBytes(size));
      } else {
        in.transferTo(body);
      }
    } catch (SocketTimeoutException quietWatch) {
      // a watch with nothing to say yet: what came so far is the answer
    }
    return new Response(code, headers, body.toString(StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        String s = out.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      out.write(b);
    }
    return out.size() == 0 ? null : out.toString(StandardCharsets.ISO_8859_1);
  }
}
