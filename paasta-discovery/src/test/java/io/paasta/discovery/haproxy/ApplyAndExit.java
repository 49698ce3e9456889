package io.paasta.discovery.haproxy;

import io.paasta.discovery.Endpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A control plane that lives for one apply: routes {@code web.main} on a proxy port to one
 * endpoint, then its JVM exits. Run by an integration test in a JVM of its own.
 *
 * <p>Arguments: state directory, stats port, proxy port, endpoint port.
 */
public final class ApplyAndExit {
  private ApplyAndExit() {}

  public static void main(String[] args) {
    ProxySettings settings =
        ProxySettings.defaults(Path.of(args[0])).withStatsPort(Integer.parseInt(args[1]));
    LocalProxy proxy =
        new LocalProxy(
            settings, HaproxyProcess.DEFAULT_BINARY, Duration.ofSeconds(30), LoopbackPorts::isFree);
    ApplyResult result =
        proxy.apply(
            List.of(FrontendSpec.withDefaults("web.main", Integer.parseInt(args[2]))),
            Map.of(
                "web.main", List.of(new Endpoint("127.0.0.1", Integer.parseInt(args[3]), "a", 1))));
    System.out.println(result.problems().isEmpty() ? "applied" : "problems: " + result.problems());
    System.exit(result.problems().isEmpty() ? 0 : 1);
  }
}
