package io.paasta.deploy.image;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import io.paasta.engine.EngineErrors;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Streams the engine's build output line by line and remembers the build's error, if any. */
final class BuildOutputCallback extends ResultCallback.Adapter<BuildResponseItem> {
  private final Consumer<String> output;
  private final LineSplitter lines = new LineSplitter();
  private volatile String error;

  BuildOutputCallback(Consumer<String> output) {
    this.output = output;
  }

  @Override
  public void onNext(BuildResponseItem item) {
    if (item.getStream() != null) {
      emit(lines.add(item.getStream()));
    } else if (item.getStatus() != null) {
      emit(List.of(item.getStatus()));
    }
    if (item.isErrorIndicated()) {
      emit(lines.finish());
      error = EngineErrors.streamedMessage(item);
      emit(List.of(error));
    }
  }

  @Override
  public void onComplete() {
    emit(lines.finish());
    super.onComplete();
  }

  private void emit(List<String> batch) {
    for (String line : batch) {
      output.accept(line);
    }
  }

  /** The engine's error message, when the build failed. */
  Optional<String> error() {
    return Optional.ofNullable(error);
  }
}
