package io.paasta.backend.kubernetes.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One example instance rendered in full, compared with a reviewed file: any change to what an
 * instance becomes shows up here as a diff. On a mismatch the actual text is written to {@code
 * target/golden/} to compare (and to copy over the file once the change is intended).
 */
class GoldenYamlTest {
  private static final String INSTANCE =
      """
      main:
        deploy_group: prod.main
        cpus: 0.5
        mem: 256
        disk: 512
        cmd: "httpd -f -p 0.0.0.0:$PORT0 -h /www"
        container_port: 8080
        bounce_method: crossover
        bounce_margin_factor: 0.5
        bounce_health_params: {min_task_uptime: 5}
        drain_method: hacheck
        drain_method_params: {delay: 10}
        healthcheck_mode: http
        healthcheck_uri: /status
        healthcheck_grace_period_seconds: 5
        healthcheck_interval_seconds: 2
        healthcheck_timeout_seconds: 1
        healthcheck_max_consecutive_failures: 3
        min_instances: 2
        max_instances: 6
        autoscaling: {metrics_provider: cpu, setpoint: 0.7}
        registrations: [web.main]
        env:
          GREETING: hello
          DB_PASSWORD: SECRET(db_password)
        extra_volumes:
          - {containerPath: /data, hostPath: /srv/web-data, mode: RW}
      """;

  @TempDir Path tmp;

  @Test
  void theExampleInstanceRendersAsReviewed() throws IOException {
    String actual =
        RenderedYaml.of("web.main in prod", new RenderFixture(tmp).render("main", INSTANCE)).yaml();
    String expected;
    try (InputStream in = getClass().getResourceAsStream("/golden/web-main.yaml")) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!actual.equals(expected)) {
      Path out = Path.of("target/golden/web-main.yaml");
      Files.createDirectories(out.getParent());
      Files.writeString(out, actual);
    }
    assertThat(actual).isEqualTo(expected);
  }
}
