package io.paasta.deploy.image;

import com.github.dockerjava.api.model.ResponseItem;

/** The error message of an engine's streamed build or push message. */
final class EngineErrors {
  private EngineErrors() {}

  /** The error detail's message, else the older plain error field. */
  @SuppressWarnings("deprecation") // getError(): older engines send only this field
  static String message(ResponseItem item) {
    if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
      return item.getErrorDetail().getMessage();
    }
    return item.getError() != null ? item.getError() : "the Docker engine reported an error";
  }
}
