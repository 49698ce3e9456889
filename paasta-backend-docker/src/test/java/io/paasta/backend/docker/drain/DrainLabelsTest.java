package io.paasta.backend.docker.drain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.planning.app.Labels;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DrainLabelsTest {
  private static DrainSettings of(String method, String params) {
    return DrainLabels.settingsOf(Map.of(Labels.DRAIN_METHOD, method, Labels.DRAIN_PARAMS, params));
  }

  @Test
  void noLabelIsNoopAndHacheckWaitsItsDelay() {
    assertThat(DrainLabels.settingsOf(Map.of())).isEqualTo(new DrainSettings.Noop("noop"));
    assertThat(of("hacheck", "{\"delay\":5}"))
        .isEqualTo(new DrainSettings.Hacheck(Duration.ofSeconds(5)));
    assertThat(of("hacheck", "{}")).isEqualTo(new DrainSettings.Hacheck(Duration.ofSeconds(60)));
  }

  @Test
  void testWaitsItsDelay() {
    assertThat(of("test", "{}")).isEqualTo(new DrainSettings.Test(Duration.ZERO));
    assertThat(of("test", "{\"delay\":1.5}"))
        .isEqualTo(new DrainSettings.Test(Duration.ofMillis(1500)));
    assertThat(of("test", "{\"delay\":\"2\"}"))
        .isEqualTo(new DrainSettings.Test(Duration.ofSeconds(2)));
  }

  @Test
  void httpHasItsUrlsWithPaastasDefaults() {
    DrainSettings settings =
        of(
            "http",
            "{\"drain\":{\"url_format\":\"http://{host}:{port}/drain\",\"method\":\"post\","
                + "\"success_codes\":\"200-299,302\"},"
                + "\"is_safe_to_kill\":{\"url_format\":\"http://{host}:{port}/safe\"}}");

    assertThat(settings)
        .isEqualTo(
            new DrainSettings.Http(
                new UrlSpec(
                    "http://{host}:{port}/drain", "POST", SuccessCodes.parse("200-299,302")),
                new UrlSpec("http://{host}:{port}/safe", "GET", SuccessCodes.parse("200")),
                Optional.empty(),
                Optional.empty()));
  }

  @Test
  void unusableSettingsAreNamed() {
    assertThatThrownBy(() -> of("magic", "{}")).hasMessageContaining("is none of noop, hacheck");
    assertThatThrownBy(() -> of("http", "{}")).hasMessageContaining("drain needs url_format");
    assertThatThrownBy(() -> of("test", "[1]")).hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> of("test", "{\"delay\":-1}")).hasMessageContaining("negative");
  }

  @Test
  void urlFormatsTakeTheTasksFields() {
    UrlSpec spec =
        new UrlSpec("http://{host}:{port}/{service}/{instance}", "GET", SuccessCodes.DEFAULT);

    assertThat(
            spec.url(
                Map.of("host", "127.0.0.1", "port", "31000", "service", "web", "instance", "main")))
        .hasToString("http://127.0.0.1:31000/web/main");
    assertThatThrownBy(
            () ->
                new UrlSpec("http://{host}/{nerve_ns}", "GET", SuccessCodes.DEFAULT)
                    .url(Map.of("host", "h")))
        .hasMessageContaining("names {nerve_ns}");
  }
}
