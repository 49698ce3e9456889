package io.paasta.cli.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.cli.api.PaastaApiClient;
import io.paasta.cli.testing.FakePaastaApi;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each cluster's version is asked once: ahead, or when needed, whichever comes first. */
class ClusterVersionsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private FakePaastaApi api;
  private PaastaApiClient client;

  @BeforeEach
  void start() throws IOException {
    api = new FakePaastaApi("local");
    api.json("/v1/version", "{\"cluster\":\"first\"}", "{\"cluster\":\"second\"}");
    client =
        new PaastaApiClient("local", api.url(), PaastaApiClient.newHttpClient(TIMEOUT), TIMEOUT);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void aVersionAskedAheadIsTheOneUsed() {
    ClusterVersions versions = new ClusterVersions();
    versions.askAhead(client);
    versions.askAhead(client);

    assertThat(client.servedCluster(versions.of(client))).isEqualTo("first");
    assertThat(client.servedCluster(versions.of(client))).isEqualTo("first");
    assertThat(api.requests()).containsExactly("/v1/version");
  }

  @Test
  void aVersionAskedWhenNeededIsNotAskedAheadAfterwards() {
    ClusterVersions versions = new ClusterVersions();

    assertThat(client.servedCluster(versions.of(client))).isEqualTo("first");
    versions.askAhead(client); // too late: already answered
    assertThat(client.servedCluster(versions.of(client))).isEqualTo("first");
    assertThat(api.requests()).containsExactly("/v1/version");
  }
}
