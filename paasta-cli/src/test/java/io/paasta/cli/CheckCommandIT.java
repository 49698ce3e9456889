package io.paasta.cli;

import static io.paasta.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paasta.deploy.testing.GitFixture;
import io.paasta.testing.ExampleRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paasta check} on real git repositories (a bare remote and its checkout): the example
 * hello-web as a good service, and a broken one whose every failure is named.
 */
class CheckCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private GitFixture git;
  private Path soa;

  @BeforeEach
  void aGoodServiceAndItsRepository() throws Exception {
    git = new GitFixture(tmp.resolve("git"));
    git.commitFilesOf(ExampleRepository.exampleServices().resolve("hello-web"));
    soa = tmp.resolve("soa");
    Path good = Files.createDirectories(soa.resolve("good"));
    Files.writeString(
        good.resolve("service.yaml"),
        "external_link: https://wiki.example.com/good\ngit_url: " + git.url() + "\n");
    Files.writeString(
        good.resolve("marathon-local.yaml"),
        "main:\n  deploy_group: local.everything\n  cmd: httpd -f -p 127.0.0.1:$PORT0 -h /www\n");
    Files.writeString(
        good.resolve("deploy.yaml"),
        "pipeline:\n- step: itest\n- step: push-to-registry\n- step: local.everything\n");
    Files.writeString(good.resolve("smartstack.yaml"), "main:\n  proxy_port: 20101\n");
    Files.writeString(good.resolve("monitoring.yaml"), "team: platform\n");
  }

  @AfterEach
  void close() {
    git.close();
  }

  private CliRun check(String service, Path repo, String... more) {
    String[] args = new String[6 + more.length];
    args[0] = "check";
    args[1] = "-s";
    args[2] = service;
    args[3] = "-y";
    args[4] = soa.toString();
    args[5] = "--repo=" + repo;
    System.arraycopy(more, 0, args, 6, more.length);
    return run(args);
  }

  @Test
  void aServiceThatKeepsTheContractPassesEveryItem() {
    CliRun r = check("good", git.workTree());

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .containsExactly(
            "\u2713 Dockerfile builds FROM scratch",
            "\u2713 Found Makefile",
            "\u2713 Makefile has the cook-image target",
            "\u2713 Makefile has the test target",
            "\u2713 Makefile has the itest target",
            "\u2713 Makefile uses DOCKER_TAG",
            "\u2713 soa-configs has good (" + soa + ")",
            "\u2713 good/deploy.yaml has a pipeline: itest -> push-to-registry -> local.everything",
            "\u2713 every instance's deploy group is in good/deploy.yaml (local.everything)",
            "\u2713 good/smartstack.yaml has 1 namespace(s): main",
            "\u2713 proxy_port in range and unique: main 20101",
            "\u2713 good/monitoring.yaml names the team platform",
            "\u2713 good/service.yaml has git_url " + git.url(),
            "\u2713 the git remote " + git.url() + " answers (0 tag(s), 0 deploy tag(s))",
            "\u2713 paasta validate: 5 file(s) valid",
            "good: 15 checks, 15 passed, 0 failed, 0 warnings");
  }

  @Test
  void theServiceIsGuessedFromTheCheckoutsFolderName() throws IOException {
    Path checkout = tmp.resolve("git").resolve("work");
    Files.move(soa.resolve("good"), soa.resolve("work"));

    CliRun r = run("check", "-y", soa.toString(), "--repo", checkout.toString());

    assertThat(r.outLines()).last().asString().startsWith("work: 15 checks");
  }

  @Test
  void aBrokenServiceNamesEachFailureAndExitsOne() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("broken-repo"));
    Files.writeString(repo.resolve("Dockerfile"), "RUN echo no base\n");
    Files.writeString(repo.resolve("Makefile"), "cook-image:\n\tdocker build -t broken .\n");
    Path broken = Files.createDirectories(soa.resolve("broken"));
    Files.writeString(broken.resolve("service.yaml"), "description: no git_url here\n");
    Files.writeString(broken.resolve("marathon-local.yaml"), "main:\n  deploy_group: local.main\n");
    Files.writeString(broken.resolve("deploy.yaml"), "pipeline: []\n");
    Files.writeString(
        broken.resolve("smartstack.yaml"),
        "main:\n  proxy_port: 5000\n  mode: carrier-pigeon\nother:\n  proxy_port: 20101\n");

    CliRun r = check("broken", repo, "--json");

    assertThat(r.exit()).as(r.all()).isEqualTo(1);
    JsonNode json = JSON.readTree(r.out());
    assertThat(json.get("passed").asBoolean()).isFalse();
    Map<String, String> status = new LinkedHashMap<>();
    Map<String, String> message = new LinkedHashMap<>();
    for (JsonNode item : json.get("items")) {
      status.put(item.get("check").asText(), item.get("status").asText());
      message.put(item.get("check").asText(), item.get("message").asText());
      if (!item.get("status").asText().equals("passed")) {
        assertThat(item.get("hint").asText()).as(item.toString()).isNotBlank();
      }
    }
    assertThat(status)
        .containsExactly(
            Map.entry("dockerfile", "failed"),
            Map.entry("makefile", "passed"),
            Map.entry("makefile.cook-image", "passed"),
            Map.entry("makefile.test", "failed"),
            Map.entry("makefile.itest", "failed"),
            Map.entry("makefile.docker-tag", "failed"),
            Map.entry("soa-configs", "passed"),
            Map.entry("deploy.yaml", "failed"),
            Map.entry("deploy-groups", "failed"),
            Map.entry("smartstack.yaml", "failed"),
            Map.entry("proxy-ports", "failed"),
            Map.entry("monitoring.yaml", "warning"),
            Map.entry("git_url", "failed"),
            Map.entry("git-remote", "failed"),
            Map.entry("validate", "failed"));
    assertThat(json.get("failed").asInt()).isEqualTo(11);
    assertThat(json.get("warnings").asInt()).isEqualTo(1);
    assertThat(message.get("dockerfile"))
        .isEqualTo("Dockerfile has no FROM line before its first instruction");
    assertThat(message.get("deploy.yaml")).startsWith("broken/deploy.yaml is not valid: ");
    assertThat(message.get("deploy-groups"))
        .isEqualTo("deploy groups not in broken/deploy.yaml: local.main (main in local)");
    assertThat(message.get("smartstack.yaml"))
        .startsWith("broken/smartstack.yaml is not valid: broken/smartstack.yaml:3");
    assertThat(message.get("proxy-ports"))
        .isEqualTo(
            "proxy_port out of 19000-21000: main 5000; other 20101 is also used by good.main");
    assertThat(message.get("monitoring.yaml")).isEqualTo("no broken/monitoring.yaml");
    assertThat(message.get("git_url")).isEqualTo("broken/service.yaml has no git_url");
    assertThat(message.get("validate")).startsWith("paasta validate: ");
  }

  @Test
  void theTextFormMarksEachItemAndGivesAFixForFailures() throws IOException {
    Files.delete(soa.resolve("good").resolve("monitoring.yaml"));
    Files.writeString(
        soa.resolve("good").resolve("service.yaml"),
        "external_link: https://wiki.example.com/good\ngit_url: "
            + tmp.resolve("no-such-repo.git")
            + "\n");

    CliRun r = check("good", git.workTree());

    assertThat(r.exit()).as(r.all()).isEqualTo(1);
    assertThat(r.outLines())
        .contains(
            "! no good/monitoring.yaml",
            "    fix: set team: <your team> in monitoring.yaml, or no alert is ever sent",
            "    fix: check git_url and your access to it (git ls-remote "
                + tmp.resolve("no-such-repo.git")
                + " must work)")
        .anyMatch(l -> l.startsWith("\u2717 ") && l.contains("no-such-repo.git"))
        .last()
        .isEqualTo("good: 15 checks, 12 passed, 2 failed, 1 warning");
  }

  @Test
  void aServiceMissingFromTheSoaConfigsFailsThatItem() {
    CliRun r = check("nowhere", git.workTree());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.outLines())
        .contains("\u2717 no folder nowhere in the soa-configs " + soa)
        .last()
        .isEqualTo("nowhere: 7 checks, 6 passed, 1 failed, 0 warnings");
  }
}
