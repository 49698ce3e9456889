package io.paasta.cli.deploywait;

import io.paasta.cli.api.InstanceTarget;
import io.paasta.cli.output.Markup;

/**
 * How far one instance is in a deploy: done or not, and a few words such as {@code 2/3 new tasks
 * happy}.
 */
public record InstanceProgress(InstanceTarget target, boolean done, String text) {
  /** {@code cluster.instance: text}, as plain text. */
  public String line() {
    return target.clusterInstance() + ": " + text;
  }

  /** The line as picocli markup: done in green. */
  public String markup() {
    return Markup.plain(target.clusterInstance() + ": ")
        + (done ? Markup.style("green", text) : Markup.plain(text));
  }
}
