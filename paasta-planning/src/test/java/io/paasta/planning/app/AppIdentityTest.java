package io.paasta.planning.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.model.Volume;
import io.paasta.planning.testing.ConfigFixture;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppIdentityTest {
  @ParameterizedTest
  @CsvSource({
    "svc, main, 0123456789abcdef, fedcba9876543210, svc.main.git01234567.configfedcba98",
    "my_svc, canary_1, abc, def, my--svc.canary--1.gitabc.configdef",
    "a-b, c, 0123456789, 0123456789, a-b.c.git01234567.config01234567"
  })
  void appIdTakesEightCharactersAndWritesUnderscoresAsDoubleDashes(
      String service, String instance, String sha, String hash, String appId) {
    assertThat(AppIdentity.appId(service, instance, sha, hash)).isEqualTo(appId);
  }

  @Test
  void hashIsMd5OfCanonicalJsonWithForceBounceAppended() {
    RunSpec run = new ConfigFixture().desired().run();
    String json = CanonicalJson.write(AppIdentity.hashedConfig(run, Map.of()));
    assertThat(json).startsWith("{\"args\":[],\"cap_add\":[],\"cmd\":").doesNotContain("labels");
    assertThat(AppIdentity.configHash(run, Optional.of("20240101T000000")))
        .isEqualTo(AppIdentity.md5Hex(json + "20240101T000000"))
        .hasSize(32);
    assertThat(AppIdentity.md5Hex("")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
  }

  @Test
  void extraKeysMayNotShadowRunSpecKeys() {
    RunSpec run = new ConfigFixture().desired().run();
    assertThatThrownBy(() -> AppIdentity.hashedConfig(run, Map.of("image", "x")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String hashAfter(Consumer<ConfigFixture> change) {
    ConfigFixture fixture = new ConfigFixture();
    change.accept(fixture);
    return fixture.desired().configHash();
  }

  @Test
  void countsAndBackoffDoNotChangeTheHash() {
    String base = hashAfter(f -> {});
    assertThat(hashAfter(f -> f.instances = 7)).isEqualTo(base);
    assertThat(hashAfter(f -> f.minInstances = OptionalInt.of(1))).isEqualTo(base);
    assertThat(hashAfter(f -> f.maxInstances = OptionalInt.of(9))).isEqualTo(base);
    assertThat(hashAfter(f -> f.backoffFactor = 3)).isEqualTo(base);
    assertThat(hashAfter(f -> f.maxLaunchDelaySeconds = 10)).isEqualTo(base);
    assertThat(hashAfter(f -> f.desiredState = io.paasta.model.DesiredState.STOP)).isEqualTo(base);
  }

  @Test
  void labelsAndBounceSettingsAreNotHashed() {
    String base = hashAfter(f -> {});
    assertThat(hashAfter(f -> f.drainMethod = io.paasta.model.DrainMethod.HTTP)).isEqualTo(base);
    assertThat(hashAfter(f -> f.bounceMethod = io.paasta.model.BounceMethod.BRUTAL))
        .isEqualTo(base);
    assertThat(hashAfter(f -> f.margin = 0.5)).isEqualTo(base);
  }

  @Test
  void everythingElseChangesTheHash() {
    String base = hashAfter(f -> {});
    assertThat(hashAfter(f -> f.cmd = Optional.of("other"))).isNotEqualTo(base);
    assertThat(hashAfter(f -> f.env.put("A", "1"))).isNotEqualTo(base);
    assertThat(hashAfter(f -> f.mem = 2048)).isNotEqualTo(base);
    assertThat(hashAfter(f -> f.cpus = 1)).isNotEqualTo(base);
    assertThat(hashAfter(f -> f.dockerImage = "services-svc:paasta-other")).isNotEqualTo(base);
    assertThat(hashAfter(f -> f.serviceRegistry = Optional.of("other:5000"))).isNotEqualTo(base);
    assertThat(hashAfter(f -> f.forceBounce = Optional.of("20240101T000000"))).isNotEqualTo(base);
    assertThat(hashAfter(f -> f.extraVolumes.add(new Volume("/a", "/b", Volume.Mode.RO))))
        .isNotEqualTo(base);
    assertThat(hashAfter(f -> f.constraints = java.util.List.of(java.util.List.of("a", "b"))))
        .isNotEqualTo(base);
    assertThat(hashAfter(f -> f.env.put("TOKEN", "SECRET(token)"))).isNotEqualTo(base);
  }

  @Test
  void secretSignaturesChangeTheHash() {
    ConfigFixture fixture = new ConfigFixture();
    fixture.env.put("TOKEN", "SECRET(token)");
    String one = create(fixture, Map.of("token", "sig1"));
    assertThat(create(fixture, Map.of("token", "sig1"))).isEqualTo(one);
    assertThat(create(fixture, Map.of("token", "sig2"))).isNotEqualTo(one);
    assertThat(create(fixture, Map.of())).isNotEqualTo(one);
  }

  private static String create(ConfigFixture f, Map<String, String> signatures) {
    return DesiredInstanceFactory.create(
            f.config(),
            Optional.of(f.deployments()),
            f.system(),
            f.serviceConfig(),
            OptionalInt.empty(),
            signatures)
        .orElseThrow()
        .configHash();
  }
}
