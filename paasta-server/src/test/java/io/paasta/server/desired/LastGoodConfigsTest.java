package io.paasta.server.desired;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kept copies: written by the daemon's store, only read by {@code paasta plan}'s. */
class LastGoodConfigsTest {
  @TempDir Path state;
  @TempDir Path soa;

  private Path service(String name, String marathon) throws IOException {
    Path dir = Files.createDirectories(soa.resolve(name));
    Files.writeString(dir.resolve("marathon-c.yaml"), marathon);
    return dir;
  }

  private Path kept(String service) {
    return state.resolve(LastGoodConfigs.FOLDER).resolve(service).resolve("marathon-c.yaml");
  }

  @Test
  void theDaemonsStoreKeepsReplacesAndForgetsCopies() throws IOException {
    LastGoodConfigs store = LastGoodConfigs.in(state);
    store.save("web", service("web", "main: {instances: 1}\n"));
    store.save("api", service("api", "main: {instances: 2}\n"));
    assertThat(kept("web")).hasContent("main: {instances: 1}");

    store.save("web", service("web", "main: {instances: 3}\n"));
    assertThat(kept("web")).hasContent("main: {instances: 3}");

    store.retainOnly(List.of("web"));
    assertThat(kept("api")).doesNotExist();
    store.forget("web");
    assertThat(kept("web")).doesNotExist();
  }

  @Test
  void aReadOnlyStoreReadsTheDaemonsCopiesAndChangesNothing() throws IOException {
    LastGoodConfigs daemon = LastGoodConfigs.in(state);
    daemon.save("web", service("web", "main: {instances: 1}\n"));
    LastGoodConfigs plan = LastGoodConfigs.readOnly(state);
    assertThat(plan.root()).contains(state.resolve(LastGoodConfigs.FOLDER));

    plan.save("web", service("web", "main: {instances: 9}\n"));
    plan.retainOnly(List.of());
    plan.forget("web");

    assertThat(kept("web")).hasContent("main: {instances: 1}");
  }

  @Test
  void aReadOnlyStoreWithoutADaemonsCopiesHasNoneAndMakesNoFolder() {
    LastGoodConfigs plan = LastGoodConfigs.readOnly(state);
    assertThat(plan.root()).isEmpty();
    assertThat(state.resolve(LastGoodConfigs.FOLDER)).doesNotExist();
  }
}
