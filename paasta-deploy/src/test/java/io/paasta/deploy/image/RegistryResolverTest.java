package io.paasta.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.config.system.SystemConfigLoader;
import io.paasta.config.yaml.ConfigFileReader;
import io.paasta.deploy.DeployException;
import io.paasta.model.ServiceConfig;
import io.paasta.testing.ExampleRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryResolverTest {
  private static final Path ETC = Path.of("/etc/paasta");

  private static ServiceConfig service(String registry) {
    return new ServiceConfig(
        "hello-web",
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.ofNullable(registry),
        Map.of());
  }

  @Test
  void serviceYamlWinsOverTheSystemConfig() {
    assertThat(
            RegistryResolver.choose(
                "hello-web", Optional.of("svc.example.com"), Optional.of("127.0.0.1:5000"), ETC))
        .isEqualTo("svc.example.com");
  }

  @Test
  void theSystemConfigWhenServiceYamlHasNone() {
    assertThat(
            RegistryResolver.choose(
                "hello-web", Optional.empty(), Optional.of("127.0.0.1:5000"), ETC))
        .isEqualTo("127.0.0.1:5000");
    assertThat(
            RegistryResolver.choose(
                "hello-web", Optional.of(" "), Optional.of("127.0.0.1:5000"), ETC))
        .isEqualTo("127.0.0.1:5000");
  }

  @Test
  void neitherSaysWhereToSetIt() {
    assertThatThrownBy(
            () -> RegistryResolver.choose("hello-web", Optional.empty(), Optional.empty(), ETC))
        .isInstanceOf(DeployException.class)
        .hasMessage(
            "no Docker registry for hello-web: set docker_registry (e.g. \"127.0.0.1:5000\") in"
                + " the system config (/etc/paasta/*.json; PAASTA_SYSTEM_CONFIG_DIR chooses"
                + " another directory) or in hello-web/service.yaml of soa-configs");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"http://127.0.0.1:5000", "127.0.0.1:5000/", "a b", "host:port", "-x.example"})
  void refusesWhatIsNotARegistryAddress(String registry) {
    assertThatThrownBy(
            () ->
                RegistryResolver.choose("hello-web", Optional.of(registry), Optional.empty(), ETC))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("is not a registry address - expected host[:port]");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"127.0.0.1:5000", "localhost", "[::1]:5000", "docker-paasta.example.com:443"})
  void acceptsRegistryAddresses(String registry) {
    assertThat(RegistryResolver.choose("s", Optional.of(registry), Optional.empty(), ETC))
        .isEqualTo(registry);
  }

  @Test
  void readsTheSystemConfigOnlyWhenServiceYamlHasNone(@TempDir Path etc) throws IOException {
    RegistryResolver resolver =
        new RegistryResolver(new SystemConfigLoader(new ConfigFileReader()), etc.resolve("none"));

    assertThat(resolver.registryOf(service("127.0.0.1:5000"))).isEqualTo("127.0.0.1:5000");
    assertThatThrownBy(() -> resolver.registryOf(service(null)))
        .hasMessageStartingWith("no Docker registry for hello-web");
  }

  @Test
  void aSystemConfigWithOnlyARegistryIsEnough(@TempDir Path etc) throws IOException {
    // no cluster: the config is incomplete, but a build machine needs only the registry
    Files.writeString(etc.resolve("00-registry.json"), "{\"docker_registry\": \"127.0.0.1:5000\"}");
    RegistryResolver resolver =
        new RegistryResolver(new SystemConfigLoader(new ConfigFileReader()), etc);

    assertThat(resolver.registryOf(service(null))).isEqualTo("127.0.0.1:5000");
  }

  @Test
  void theExampleSystemConfigNamesTheLoopbackRegistry() {
    Path examples = ExampleRepository.exampleServices().resolve("../etc_paasta");
    RegistryResolver resolver =
        new RegistryResolver(new SystemConfigLoader(new ConfigFileReader()), examples);

    assertThat(resolver.registryOf(service(null))).isEqualTo("127.0.0.1:5000");
  }
}
