package io.paasta.server.api;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers by itself (a body over the size limit, a malformed request line) as problem
 * documents too, so that every error of the API has the same shape.
 */
final class ProblemErrorHandler extends ErrorHandler {
  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    String detail = message == null || message.isBlank() ? ProblemDocument.title(code) : message;
    if (code == 413) {
      detail = "the request is larger than the API accepts";
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemDocument.CONTENT_TYPE);
    response.write(true, ByteBuffer.wrap(Json.write(ProblemDocument.of(code, detail))), callback);
  }
}
