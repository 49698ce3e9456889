package io.paasta.server.api;

import io.paasta.planning.backend.BackendException;
import io.paasta.server.DaemonLog;
import io.paasta.server.autoscaling.AutoscalerStoreException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The API's Jetty handler: routes each request, checks the token of requests that change something,
 * reads their JSON body, and answers with the endpoint's response or a problem document. Bad
 * requests never escape as exceptions.
 */
public final class ApiHandler extends Handler.Abstract {
  private final Router router;
  private final Optional<ApiToken> token;
  private final DaemonLog log;

  public ApiHandler(Router router, Optional<ApiToken> token, DaemonLog log) {
    this.router = router;
    this.token = token;
    this.log = log;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String method = request.getMethod();
    String path = request.getHttpURI().getPath();
    ApiResponse answer;
    Map<String, String> headers = Map.of();
    try {
      Router.Resolved resolved = router.resolve(method, path);
      Route route = resolved.route();
      String body = "";
      if (route.mutating()) {
        authorize(request.getHeaders().get(HttpHeader.AUTHORIZATION), method, path);
        body = readBody(request);
      }
      answer =
          route
              .endpoint()
              .handle(new ApiRequest(method, resolved.pathParams(), query(request), body));
    } catch (ProblemException e) {
      answer = problem(e.status(), e.detail());
      headers = e.headers();
    } catch (BackendException e) {
      answer = problem(503, e.getMessage());
    } catch (AutoscalerStoreException e) {
      log.error("api", method + " " + path + ": " + e.getMessage());
      answer = problem(500, e.getMessage());
    } catch (RuntimeException e) {
      log.error("api", method + " " + path + " failed: " + e);
      answer = problem(500, "internal error: " + e + "; see the daemon's log");
    }
    if (!method.equals("GET")) {
      log.info("api", method + " " + path + " -> " + answer.status());
    }
    write(response, answer, headers, callback);
    return true;
  }

  private void authorize(String authorization, String method, String path) {
    if (token.isEmpty()) {
      throw unauthorized(
          "this daemon has no API token, so it refuses every change: write a token to "
              + ApiToken.DEFAULT_FILE
              + " (or start `paasta server --api-token-file PATH`), restart the daemon, and send"
              + " `Authorization: Bearer <token>`");
    }
    if (authorization == null) {
      throw unauthorized(
          method
              + " "
              + path
              + " changes the cluster: send the daemon's API token (from "
              + token.get().source()
              + ") as `Authorization: Bearer <token>`");
    }
    if (!token.get().accepts(authorization)) {
      throw unauthorized(
          "the bearer token of the Authorization header is not the daemon's API token (from "
              + token.get().source()
              + ")");
    }
  }

  /**
   * A 401 is answered before the request's body is read, so the connection is closed after it: a
   * client must not send its next request on a connection with an unread body in it.
   */
  private static ProblemException unauthorized(String detail) {
    return new ProblemException(
        401, detail, Map.of("WWW-Authenticate", "Bearer realm=\"paasta\"", "Connection", "close"));
  }

  private static String readBody(Request request) {
    try {
      return Content.Source.asString(request, StandardCharsets.UTF_8);
    } catch (Exception e) {
      HttpException http = HttpException.asHttpException(e);
      if (http != null && http.getCode() == 413) {
        throw new ProblemException(413, "the request body is larger than the API accepts");
      }
      throw ProblemException.badRequest("cannot read the request body: " + e.getMessage());
    }
  }

  /** The query parameters (the first value of each); 400 when badly encoded. */
  static Map<String, String> query(Request request) {
    Map<String, String> query = new LinkedHashMap<>();
    try {
      for (Fields.Field field : Request.extractQueryParameters(request)) {
        query.putIfAbsent(field.getName(), field.getValue());
      }
    } catch (RuntimeException e) {
      throw ProblemException.badRequest("the query string is badly encoded");
    }
    return query;
  }

  private static ApiResponse problem(int status, String detail) {
    return new ApiResponse(
        status, ProblemDocument.CONTENT_TYPE, Json.write(ProblemDocument.of(status, detail)));
  }

  private static void write(
      Response response, ApiResponse answer, Map<String, String> headers, Callback callback) {
    response.setStatus(answer.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    headers.forEach((name, value) -> response.getHeaders().put(name, value));
    response.write(true, ByteBuffer.wrap(answer.body()), callback);
  }
}
