package io.paasta.deploy.git;

import io.paasta.model.DesiredState;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The git tags that drive deploys (SPEC section 2): {@code
 * paasta-<deploy_group>-<timestamp>-deploy} and {@code
 * paasta-<cluster>.<instance>-<timestamp>-start|stop}, each on a commit.
 */
public sealed interface PaastaTag permits PaastaTag.Deploy, PaastaTag.Control {
  String TAG_PREFIX = "refs/tags/";

  Pattern FORM = Pattern.compile("^paasta-(.+)-(\\d{8}T\\d{6})-(deploy|start|stop)$");

  /** The commit the tag points at. */
  String sha();

  String timestamp();

  /** The tag's name without {@code refs/tags/}. */
  String name();

  /** "Deploy {@code sha} to {@code deployGroup}". */
  record Deploy(String deployGroup, String timestamp, String sha) implements PaastaTag {
    @Override
    public String name() {
      return "paasta-" + deployGroup + "-" + timestamp + "-deploy";
    }
  }

  /** "Start (or stop) {@code cluster.instance}", on the sha deployed for its group. */
  record Control(String clusterInstance, String timestamp, DesiredState state, String sha)
      implements PaastaTag {
    @Override
    public String name() {
      return "paasta-"
          + clusterInstance
          + "-"
          + timestamp
          + "-"
          + state.name().toLowerCase(Locale.ROOT);
    }
  }

  /** Parses a ref ({@code refs/tags/...} or a bare tag name); empty for tags that are not ours. */
  static Optional<PaastaTag> parse(String ref, String sha) {
    String name = ref.startsWith(TAG_PREFIX) ? ref.substring(TAG_PREFIX.length()) : ref;
    Matcher m = FORM.matcher(name);
    if (!m.matches() || TagTimestamp.parse(m.group(2)).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        switch (m.group(3)) {
          case "deploy" -> new Deploy(m.group(1), m.group(2), sha);
          case "start" -> new Control(m.group(1), m.group(2), DesiredState.START, sha);
          default -> new Control(m.group(1), m.group(2), DesiredState.STOP, sha);
        });
  }
}
