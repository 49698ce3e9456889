package io.paasta.server.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The web dashboard at {@code /ui/}: a few hand-written files (HTML, CSS, JavaScript), resources of
 * this package read once at start, that read the JSON API. Served with a strict
 * Content-Security-Policy (this origin only, no inline script or style), read-only for anyone who
 * can reach the API: its writes go through the API with the token the user types. {@code /ui} leads
 * to it. Every other request goes to the wrapped handler.
 */
public final class DashboardHandler extends Handler.Wrapper {
  public static final String PREFIX = "/ui/";
  static final String RESOURCES = "/io/paasta/server/dashboard/";
  static final List<String> FILES = List.of("index.html", "app.js", "style.css");
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src"
          + " 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors"
          + " 'none'";

  private final Map<String, byte[]> files = new LinkedHashMap<>();

  public DashboardHandler(Handler next) {
    super(next);
    for (String file : FILES) {
      files.put(file, read(file));
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = request.getHttpURI().getPath();
    boolean get = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    if (get && "/ui".equals(path)) {
      response.setStatus(302);
      response.getHeaders().put(HttpHeader.LOCATION, PREFIX);
      response.write(true, ByteBuffer.allocate(0), callback);
      return true;
    }
    if (!path.startsWith(PREFIX)) {
      return super.handle(request, response, callback);
    }
    String name = path.substring(PREFIX.length());
    byte[] body = files.get(name.isEmpty() ? "index.html" : name);
    if (!get || body == null) {
      response.setStatus(get ? 404 : 405);
      body =
          (get ? "no such page of the dashboard: " + path : "the dashboard is read with GET")
              .getBytes(StandardCharsets.UTF_8);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    } else {
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType(name));
    }
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
    response.getHeaders().put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put("Referrer-Policy", "no-referrer");
    response.getHeaders().put("X-Frame-Options", "DENY");
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  private static String contentType(String name) {
    if (name.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    return "text/html; charset=utf-8";
  }

  private static byte[] read(String file) {
    try (InputStream in = DashboardHandler.class.getResourceAsStream(RESOURCES + file)) {
      if (in == null) {
        throw new IllegalStateException(
            "the dashboard's resource " + RESOURCES + file + " is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
