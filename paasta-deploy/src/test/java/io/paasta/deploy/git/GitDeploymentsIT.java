package io.paasta.deploy.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.deploy.DeployException;
import io.paasta.deploy.testing.GitFixture;
import io.paasta.model.DesiredState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deploy and control tags against real git repositories in temp folders. */
class GitDeploymentsIT {
  private static final Clock FIXED =
      Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private GitFixture repo;
  private GitRemoteClient git;
  private Path soa;

  @BeforeEach
  void setUp() throws Exception {
    repo = new GitFixture(dir);
    git = new GitRemoteClient(dir.resolve("cache"), Duration.ofSeconds(5));
    soa = dir.resolve("soa");
    Path service = Files.createDirectories(soa.resolve("web"));
    Files.writeString(service.resolve("service.yaml"), "git_url: " + repo.url() + "\n");
    Files.writeString(
        service.resolve("marathon-norcal.yaml"),
        "main: {deploy_group: prod.everything}\ncanary: {deploy_group: prod.canary}\n");
    Files.writeString(
        service.resolve("deploy.yaml"),
        "pipeline:\n- step: itest\n- step: prod.canary\n- step: prod.everything\n");
  }

  @AfterEach
  void tearDown() {
    repo.close();
  }

  private Map<String, Object> generate() {
    var loaded = SoaConfigsLoader.open(soa).load("web");
    new DeploymentsGenerator(git, new DeploymentsWriter()).generate(loaded, soa.resolve("web"));
    return deploymentsJson();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> deploymentsJson() {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .readValue(soa.resolve("web/deployments.json").toFile(), Map.class);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Object at(Map<String, Object> json, String... path) {
    Object current = json;
    for (String key : path) {
      current = ((Map<String, Object>) current).get(key);
    }
    return current;
  }

  @Test
  void markThenGenerateWritesTheDeployedImage() throws Exception {
    String sha = repo.commit();
    PaastaTag.Deploy tag =
        new MarkForDeployment(git, new DeployTagger(git, FIXED))
            .mark(repo.url(), "prod.everything", sha, Optional.empty(), image -> true);

    assertThat(tag.name()).isEqualTo("paasta-prod.everything-20261125T100000-deploy");
    assertThat(repo.tags()).containsExactly(tag.name());
    Map<String, Object> json = generate();
    assertThat(at(json, "v2", "deployments", "prod.everything", "git_sha")).isEqualTo(sha);
    assertThat(at(json, "v1", "web:paasta-norcal.main", "docker_image"))
        .isEqualTo("services-web:paasta-" + sha);
    assertThat(at(json, "v2", "controls", "web:norcal.main", "desired_state")).isEqualTo("start");
    assertThat(((Map<?, ?>) at(json, "v2", "deployments")).containsKey("prod.canary")).isFalse();
  }

  @Test
  void stopStartAndRestartChangeDesiredStateAndForceBounce() throws Exception {
    String sha = repo.commit();
    new DeployTagger(git, FIXED).markForDeployment(repo.url(), "prod.everything", sha);

    new DeployTagger(git, Clock.offset(FIXED, Duration.ofMinutes(1)))
        .setDesiredState(repo.url(), "norcal.main", "prod.everything", DesiredState.STOP);
    assertThat(at(generate(), "v2", "controls", "web:norcal.main"))
        .isEqualTo(Map.of("desired_state", "stop", "force_bounce", "20261125T100100"));

    new DeployTagger(git, Clock.offset(FIXED, Duration.ofMinutes(2)))
        .setDesiredState(repo.url(), "norcal.main", "prod.everything", DesiredState.START);
    assertThat(at(generate(), "v2", "controls", "web:norcal.main"))
        .isEqualTo(Map.of("desired_state", "start", "force_bounce", "20261125T100200"));

    // restart: a new start tag, a new force_bounce
    new DeployTagger(git, Clock.offset(FIXED, Duration.ofMinutes(3)))
        .setDesiredState(repo.url(), "norcal.main", "prod.everything", DesiredState.START);
    assertThat(at(generate(), "v1", "web:paasta-norcal.main", "force_bounce"))
        .isEqualTo("20261125T100300");
  }

  @Test
  void controlTagsOfAnOlderShaNoLongerApplyAfterANewDeploy() throws Exception {
    String first = repo.commit();
    new DeployTagger(git, FIXED).markForDeployment(repo.url(), "prod.everything", first);
    new DeployTagger(git, Clock.offset(FIXED, Duration.ofMinutes(1)))
        .setDesiredState(repo.url(), "norcal.main", "prod.everything", DesiredState.STOP);
    String second = repo.commit();
    new DeployTagger(git, Clock.offset(FIXED, Duration.ofMinutes(2)))
        .markForDeployment(repo.url(), "prod.everything", second);
    assertThat(at(generate(), "v2", "controls", "web:norcal.main", "desired_state"))
        .isEqualTo("start");
  }

  @Test
  void rollbackMarksAPreviouslyDeployedShaAgain() throws Exception {
    String first = repo.commit();
    String second = repo.commit();
    new DeployTagger(git, FIXED).markForDeployment(repo.url(), "prod.everything", first);
    new DeployTagger(git, Clock.offset(FIXED, Duration.ofMinutes(1)))
        .markForDeployment(repo.url(), "prod.everything", second);
    TagIndex tags = new TagIndex(git.listTags(repo.url()));
    assertThat(tags.deployHistory("prod.everything"))
        .extracting(PaastaTag::sha)
        .containsExactly(second, first);

    new DeployTagger(git, Clock.offset(FIXED, Duration.ofMinutes(2)))
        .markForDeployment(repo.url(), "prod.everything", first);
    assertThat(at(generate(), "v2", "deployments", "prod.everything", "git_sha")).isEqualTo(first);
  }

  @Test
  void twoConcurrentMarksAtTheSameSecondBothLand() throws Exception {
    String a = repo.commit();
    String b = repo.commit();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<PaastaTag.Deploy>> marks = new ArrayList<>();
    for (String sha : List.of(a, b)) {
      // separate caches, as two people on two machines would have
      GitRemoteClient client =
          new GitRemoteClient(dir.resolve("cache-" + sha), Duration.ofSeconds(5));
      Callable<PaastaTag.Deploy> mark =
          () -> {
            start.await();
            return new DeployTagger(client, FIXED)
                .markForDeployment(repo.url(), "prod.everything", sha);
          };
      marks.add(pool.submit(mark));
    }
    start.countDown();
    List<String> names = new ArrayList<>();
    for (Future<PaastaTag.Deploy> mark : marks) {
      names.add(mark.get().name());
    }
    pool.shutdown();
    assertThat(names).doesNotHaveDuplicates();
    assertThat(repo.tags())
        .containsExactlyInAnyOrder(
            "paasta-prod.everything-20261125T100000-deploy",
            "paasta-prod.everything-20261125T100001-deploy");
  }

  @Test
  void aShaThatTheRepositoryLacksIsRefusedAndNothingIsTagged() throws Exception {
    repo.commit();
    String local = repo.unpushedCommit();
    assertThatThrownBy(
            () ->
                new MarkForDeployment(git, new DeployTagger(git, FIXED))
                    .mark(repo.url(), "prod.everything", local, Optional.empty(), image -> true))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("commit " + local + " is not in " + repo.url());
    assertThat(repo.tags()).isEmpty();
  }

  @Test
  void aMissingImageIsRefusedAndNothingIsTagged() throws Exception {
    String sha = repo.commit();
    var image =
        Optional.of(new io.paasta.deploy.image.DockerImageName("127.0.0.1:5000", "web", sha));
    assertThatThrownBy(
            () ->
                new MarkForDeployment(git, new DeployTagger(git, FIXED))
                    .mark(repo.url(), "prod.everything", sha, image, i -> false))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining(
            "the registry has no image 127.0.0.1:5000/services-web:paasta-" + sha);
    assertThat(repo.tags()).isEmpty();
  }

  @Test
  void aRemoteThatNeverAnswersTimesOut() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                List<Socket> held = new ArrayList<>();
                try {
                  while (true) {
                    held.add(silent.accept()); // accept, never answer
                  }
                } catch (IOException closed) {
                  // the test is over
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      GitRemoteClient impatient = new GitRemoteClient(dir.resolve("cache"), Duration.ofSeconds(2));
      String url = "git://127.0.0.1:" + silent.getLocalPort() + "/web.git";
      long started = System.nanoTime();
      assertThatThrownBy(() -> impatient.listTags(url))
          .isInstanceOf(DeployException.class)
          .hasMessageContaining("cannot reach the git repository " + url);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }
  }

  @Test
  void aRepositoryWithTenThousandUnrelatedTagsStillWorks() throws Exception {
    String sha = repo.commit();
    repo.bulkTags("release", 10_000, sha);
    new DeployTagger(git, FIXED).markForDeployment(repo.url(), "prod.everything", sha);
    assertThat(at(generate(), "v2", "deployments", "prod.everything", "git_sha")).isEqualTo(sha);
  }

  @Test
  void settingStateOfANeverDeployedGroupIsRefused() throws Exception {
    repo.commit();
    assertThatThrownBy(
            () ->
                new DeployTagger(git, FIXED)
                    .setDesiredState(
                        repo.url(), "norcal.main", "prod.everything", DesiredState.STOP))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("norcal.main is not deployed");
  }
}
