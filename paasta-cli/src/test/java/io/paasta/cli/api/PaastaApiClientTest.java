package io.paasta.cli.api;

import static io.paasta.cli.testing.StatusAnswers.SHA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.cli.testing.FakePaastaApi;
import io.paasta.cli.testing.FakePaastaApi.Answer;
import io.paasta.cli.testing.StatusAnswers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API client against a real local HTTP server that serves the contract's shapes. */
class PaastaApiClientTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private FakePaastaApi api;
  private PaastaApiClient client;

  @BeforeEach
  void start() throws IOException {
    api = new FakePaastaApi("local");
    client = client(api.url() + "/", TIMEOUT);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void readsVersionAndInstances() {
    api.json("/v1/services/hello-web", "{\"instances\":[\"main\",\"canary\"],\"more\":1}");

    assertThat(client.servedCluster(client.version())).isEqualTo("local");
    assertThat(client.instances("hello-web")).containsExactly("main", "canary");
    assertThat(api.requests()).containsExactly("/v1/version", "/v1/services/hello-web");
  }

  @Test
  void readsAStatusIgnoringUnknownFields() {
    api.json("/v1/services/hello-web/main/status", StatusAnswers.bouncing("main", SHA));

    InstanceStatus status = client.status("hello-web", "main");

    assertThat(status.service()).isEqualTo("hello-web");
    assertThat(status.cluster()).isEqualTo("local");
    assertThat(status.gitSha()).contains(SHA);
    assertThat(status.desiredState()).contains("start");
    AppStatus app = status.app().orElseThrow();
    assertThat(app.backend()).isEqualTo("marathon");
    assertThat(app.label()).isEqualTo("Marathon");
    assertThat(app.appCount()).isEqualTo(2);
    assertThat(app.bounceMethod()).contains("crossover");
    assertThat(app.deployStatus()).isEqualTo("Deploying");
    assertThat(app.runningInstanceCount()).isEqualTo(2);
    assertThat(app.healthyInstanceCount()).isEqualTo(1);
    assertThat(app.expectedInstanceCount()).isEqualTo(3);
    assertThat(app.errorMessage()).isEmpty();
    assertThat(status.smartstack().orElseThrow())
        .containsExactly(new SmartstackLocation("region:local", 2, 3));
    assertThat(status.checks()).extracting(CheckResult::word).containsExactly("WARNING", "OK");
  }

  @Test
  void readsNullSectionsAndAKubernetesSection() {
    api.json("/v1/services/hello-web/main/status", StatusAnswers.neverDeployed("main"));
    api.json(
        "/v1/services/greeter-api/main/status",
        "{\"service\":\"greeter-api\",\"git_sha\":\""
            + SHA
            + "\",\"marathon\":null,\"kubernetes\":{\"app_count\":\"1\",\"desired_state\":\"stop\","
            + "\"running_instance_count\":null},\"smartstack\":null,\"checks\":null}");

    InstanceStatus never = client.status("hello-web", "main");
    assertThat(never.deployed()).isFalse();
    assertThat(never.desiredState()).isEmpty();
    assertThat(never.smartstack()).isEmpty();
    assertThat(never.checks()).isEmpty();

    InstanceStatus kube = client.status("greeter-api", "main");
    assertThat(kube.app().orElseThrow().label()).isEqualTo("Kubernetes");
    assertThat(kube.app().orElseThrow().appCount()).isEqualTo(1);
    assertThat(kube.app().orElseThrow().runningInstanceCount()).isZero();
    assertThat(kube.stopped()).as("desired state from the section").isTrue();
    assertThat(kube.checks()).isEmpty();
  }

  @Test
  void readsTasksAskingForTheVerbosity() {
    api.json("/v1/services/hello-web/main/tasks?verbose=2", StatusAnswers.tasks(true));

    List<TaskInfo> tasks = TaskInfo.listFrom(client.tasksJson("hello-web", "main", 2));

    assertThat(tasks).hasSize(2);
    TaskInfo first = tasks.get(0);
    assertThat(first.id()).isEqualTo("0123456789abcdef0123456789abcdef");
    assertThat(first.health()).isEqualTo("healthy");
    assertThat(first.drain()).isFalse();
    assertThat(first.host()).contains("127.0.0.1");
    assertThat(first.port()).hasValue(31001);
    assertThat(first.startedAt()).contains(Instant.parse("2026-11-20T10:00:00Z"));
    assertThat(first.finishedAt()).isEmpty();
    assertThat(first.exitCode()).isEmpty();
    assertThat(first.output()).containsExactly("listening on 31001", "GET /status 200");
    assertThat(tasks.get(1).drain()).isTrue();
    assertThat(api.requests()).containsExactly("/v1/services/hello-web/main/tasks?verbose=2");
  }

  @Test
  void aNotFoundProblemCarriesItsDetail() {
    api.script(
        "/v1/services/nope", Answer.problem(404, "Not Found", "no service nope in cluster local"));

    assertThatThrownBy(() -> client.instances("nope"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.NOT_FOUND))
        .hasMessage(
            "the PaaSTA API of cluster local at "
                + api.url()
                + " knows no such thing: no service nope in cluster local (404 to GET"
                + " /v1/services/nope)");
  }

  @Test
  void anErrorStatusOrAnAnswerThatIsNotJsonIsABadAnswer() {
    api.script(
        "/v1/services/broken", Answer.problem(500, "Internal Server Error", "reconciler crashed"));
    api.script(
        "/v1/services/html",
        new Answer(200, "text/html", "<html>proxy login</html>", Duration.ZERO));

    assertThatThrownBy(() -> client.instances("broken"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.BAD_ANSWER))
        .hasMessageEndingWith("answered 500 to GET /v1/services/broken: reconciler crashed");
    assertThatThrownBy(() -> client.instances("html"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.BAD_ANSWER))
        .hasMessageEndingWith(
            "answered GET /v1/services/html with something that is not JSON: <html>proxy"
                + " login</html>");
  }

  @Test
  void nothingListeningIsUnreachable() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    PaastaApiClient closed = client("http://127.0.0.1:" + port, TIMEOUT);

    assertThatThrownBy(closed::version)
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.UNREACHABLE))
        .hasMessageContaining(
            "cannot reach the PaaSTA API of cluster local at http://127.0.0.1:" + port);
  }

  @Test
  void aSlowAnswerIsATimeout() {
    api.script(
        "/v1/services/hello-web/main/status",
        Answer.json(StatusAnswers.running("main", SHA)).after(Duration.ofSeconds(5)));
    PaastaApiClient impatient = client(api.url(), Duration.ofMillis(300));

    assertThatThrownBy(() -> impatient.status("hello-web", "main"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.TIMEOUT))
        .hasMessage(
            "the PaaSTA API of cluster local at "
                + api.url()
                + " did not answer GET /v1/services/hello-web/main/status within 300ms");
  }

  @Test
  void aServiceNotLoadedYetIsAskedAgainAfterTheWaitItAsks() {
    Answer settling =
        Answer.problem(503, "Service Unavailable", "service 'hello-web' is not loaded yet")
            .retryAfter(1);
    api.script(
        "/v1/services/hello-web/main/status",
        settling,
        Answer.json(StatusAnswers.running("main", SHA)));

    assertThat(client.status("hello-web", "main").gitSha()).contains(SHA);
    assertThat(api.requests())
        .containsExactly(
            "/v1/services/hello-web/main/status", "/v1/services/hello-web/main/status");
  }

  @Test
  void a503WithoutRetryAfterOrAskingTooLongIsSaidAtOnce() {
    api.script(
        "/v1/services/hello-web/main/status",
        Answer.problem(503, "Service Unavailable", "the daemon is stopping"));
    api.script(
        "/v1/services/hello-web/canary/status",
        Answer.problem(503, "Service Unavailable", "busy").retryAfter(3600));

    assertThatThrownBy(() -> client.status("hello-web", "main"))
        .hasMessageContaining("answered 503")
        .hasMessageContaining("the daemon is stopping");
    assertThatThrownBy(() -> client.status("hello-web", "canary")).hasMessageContaining("busy");
    assertThat(api.requests()).hasSize(2);
  }

  @Test
  void aClusterWithoutAnEndpointSaysWhatToAdd() {
    ApiEndpoints endpoints = new ApiEndpoints(Map.of("local", api.url()), "/etc/paasta", TIMEOUT);

    assertThat(endpoints.has("local")).isTrue();
    assertThat(endpoints.client("local").baseUrl()).isEqualTo(api.url());
    assertThatThrownBy(() -> endpoints.client("prod"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.NO_ENDPOINT))
        .hasMessage(
            "no API endpoint for cluster prod: api_endpoints in the system config (/etc/paasta)"
                + " has only local - add \"prod\": \"http://HOST:PORT\"");
  }

  private static PaastaApiClient client(String url, Duration timeout) {
    return new PaastaApiClient("local", url, PaastaApiClient.newHttpClient(timeout), timeout);
  }
}
