package dev.lagotto.agent.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Request and response helpers for the JDK HTTP server: parameters, bounded bodies, JSON answers. */
final class Http {
  /** Request bytes read and discarded after a 413 so that the client can read the answer. */
  static final long MAX_DRAIN_BYTES = 64L << 20;
  static final String JSON = "application/json; charset=utf-8";

  private Http() {}

  /** Decoded query parameters (the last of repeated names wins). */
  static Map<String, String> params(HttpExchange ex) {
    Map<String, String> params = new HashMap<>();
    String raw = ex.getRequestURI().getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.put(name, value);
    }
    return params;
  }

  /** An integer parameter in {@code min..max}, or {@code absent}; 400 otherwise. */
  static int intParam(Map<String, String> params, String name, int absent, int min, int max) throws HttpError {
    String v = params.get(name);
    if (v == null || v.isEmpty()) {
      return absent;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new HttpError(400, "parameter '" + name + "' must be in " + min + ".." + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new HttpError(400, "parameter '" + name + "' must be a whole number");
    }
  }

  /**
   * The request body, gunzipped when {@code Content-Encoding: gzip}, at most {@code maxBytes} both as
   * sent and as decoded (a gzip bomb stops at the limit); 413 beyond, 415 for other encodings, 400 for
   * corrupt gzip.
   */
  static byte[] body(HttpExchange ex, long maxBytes) throws HttpError, IOException {
    InputStream raw = ex.getRequestBody();
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.strip()) > maxBytes) {
          drain(raw);
          throw tooLarge(maxBytes);
        }
      } catch (NumberFormatException e) {
        throw new HttpError(400, "bad Content-Length");
      }
    }
    String encoding = ex.getRequestHeaders().getFirst("Content-Encoding");
    Limited limited = new Limited(raw, maxBytes);
    InputStream in;
    if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
      in = limited;
    } else if (encoding.strip().toLowerCase(Locale.ROOT).equals("gzip")) {
      try {
        in = new GZIPInputStream(limited, 8192);
      } catch (TooLarge e) {
        drain(raw);
        throw tooLarge(maxBytes);
      } catch (ZipException | java.io.EOFException e) {
        drain(raw);
        throw new HttpError(400, "body is not valid gzip");
      }
    } else {
      drain(raw);
      throw new HttpError(415, "Content-Encoding must be gzip or identity");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[65536];
    try {
      for (int n; (n = in.read(buf)) > 0; ) {
        if (out.size() + (long) n > maxBytes) {
          drain(raw);
          throw tooLarge(maxBytes);
        }
        out.write(buf, 0, n);
      }
    } catch (TooLarge e) {
      drain(raw);
      throw tooLarge(maxBytes);
    } catch (ZipException | java.io.EOFException e) {
      drain(raw);
      throw new HttpError(400, "body is not valid gzip");
    }
    return out.toByteArray();
  }

  /** Sends a JSON answer and closes the body. */
  static void json(HttpExchange ex, int status, Object body) throws IOException {
    byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", JSON);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Sends a JSON error answer {@code {"error": ..., "line": n}}. */
  static void error(HttpExchange ex, HttpError error) throws IOException {
    ObjectNode body = Json.MAPPER.createObjectNode().put("error", error.getMessage());
    if (error.line() > 0) {
      body.put("line", error.line());
    }
    if (error.status() == 401) {
      ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"lagotto\"");
    }
    if (error.status() == 413) {
      ex.getResponseHeaders().set("Connection", "close");
    }
    json(ex, error.status(), body);
  }

  private static HttpError tooLarge(long maxBytes) {
    return new HttpError(413, "batch larger than " + maxBytes + " bytes (sent or decoded); split it");
  }

  private static void drain(InputStream raw) {
    byte[] buf = new byte[65536];
    long drained = 0;
    try {
      for (int n; drained < MAX_DRAIN_BYTES && (n = raw.read(buf)) > 0; ) {
        drained += n;
      }
    } catch (IOException e) {
      return;
    }
  }

  /** Signals that more than the limit was read. */
  private static final class TooLarge extends IOException {
    TooLarge() {
      super("limit exceeded", null);
    }
  }

  /** An input stream that fails with {@link TooLarge} past a byte limit. */
  private static final class Limited extends FilterInputStream {
    private long left;

    Limited(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && --left < 0) {
        throw new TooLarge();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        left -= n;
        if (left < 0) {
          throw new TooLarge();
        }
      }
      return n;
    }

    @Override
    public void close() {
      // the exchange closes the request stream
    }
  }
}
