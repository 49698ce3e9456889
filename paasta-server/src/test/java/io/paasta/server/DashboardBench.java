package io.paasta.server;

import io.paasta.testing.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Not a test (it asserts nothing about speed; bench/dashboard.sh runs it): figures of the dashboard
 * in Debian's headless Chromium against the daemon on the real Docker engine, with a generated
 * soa-configs tree of {@code dashboard.bench.services} x 10 instances (default 100 x 10 = 1,000),
 * deployed with desired state stop (their desired apps are computed, no container runs), plus one
 * running instance with fast health checks. (a) Time to first render of the cluster page: from the
 * navigation's start to the whole table in the page (the page's own performance.now()), and the
 * server's time for GET /v1/cluster. (b) The delay from a task turning healthy to the instance page
 * showing it healthy: the instance is restarted (a bounce) {@code dashboard.bench.bounces} times;
 * the moment a new task turns healthy is when GET .../tasks, polled every 20 ms, first says so (an
 * upper bound); the moment the page shows it is when its row's health changes in the DOM (a
 * MutationObserver). Both clocks are this machine's.
 */
class DashboardBench {
  private static final int SERVICES = Integer.getInteger("dashboard.bench.services", 100);
  private static final int LOADS = Integer.getInteger("dashboard.bench.loads", 5);
  private static final int BOUNCES = Integer.getInteger("dashboard.bench.bounces", 5);
  private static final String TOKEN = "bench-" + TestInfrastructure.randomSha().substring(0, 12);
  private static final Pattern TASK =
      Pattern.compile("\"id\":\"([0-9a-f]+)\",\"app_id\":\"([^\"]+)\"[^}]*?\"health\":\"(\\w+)\"");

  @RegisterExtension static final ExampleImage IMAGE = new ExampleImage();

  @TempDir Path tmp;

  @Test
  void figures() throws Exception {
    try (LocalClusterFixture cluster =
            new LocalClusterFixture(tmp, IMAGE.image().registry(), IMAGE.image());
        HeadlessChromium chromium = new HeadlessChromium()) {
      cluster.fullPassEvery(Duration.ofMinutes(10));
      generate(cluster);
      cluster.instances(
          "main: {deploy_group: prod, instances: 1, cmd: 'exec httpd -f -p 127.0.0.1:$PORT0 -h"
              + " /www', healthcheck_mode: http, healthcheck_uri: /status,"
              + " healthcheck_grace_period_seconds: 1, healthcheck_interval_seconds: 1,"
              + " healthcheck_timeout_seconds: 1, drain_method: noop}\n");
      cluster.deploy("start", null);
      URI base = cluster.startServer(tmp.resolve("state"), Optional.of(TOKEN));
      ChromeDriver browser = chromium.driver();
      HttpClient http = HttpClient.newHttpClient();
      firstRender(browser, http, base);
      healthyDelay(cluster, browser, http, base);
    }
  }

  /** SERVICES services of 10 instances each, every instance deployed and stopped. */
  private static void generate(LocalClusterFixture cluster) throws Exception {
    String image = "services-" + IMAGE.image().service() + ":paasta-" + IMAGE.image().gitSha();
    for (int s = 0; s < SERVICES; s++) {
      String service = "bench-" + s;
      Path dir = Files.createDirectories(cluster.soa.resolve(service));
      Files.writeString(
          dir.resolve("service.yaml"), "docker_registry: " + cluster.image.registry() + "\n");
      StringBuilder marathon = new StringBuilder();
      StringBuilder controls = new StringBuilder();
      for (int i = 0; i < 10; i++) {
        marathon
            .append("i")
            .append(i)
            .append(": {deploy_group: prod, instances: 2, cmd: 'sleep 1000'}\n");
        controls
            .append(i == 0 ? "" : ",")
            .append(
                "\"%s:%s.i%d\": {\"desired_state\": \"stop\", \"force_bounce\": null}"
                    .formatted(service, cluster.cluster, i));
      }
      Files.writeString(dir.resolve("marathon-" + cluster.cluster + ".yaml"), marathon);
      Files.writeString(
          dir.resolve("deployments.json"),
          """
          {"v1": {}, "v2": {"deployments": {"prod": {"docker_image": "%s", "git_sha": "%s"}},
           "controls": {%s}}}
          """
              .formatted(image, IMAGE.image().gitSha(), controls));
    }
  }

  private static void firstRender(ChromeDriver browser, HttpClient http, URI base)
      throws Exception {
    List<Long> renders = new ArrayList<>();
    List<Long> requests = new ArrayList<>();
    int rows = 0;
    for (int i = 0; i < LOADS + 1; i++) {
      long start = System.nanoTime();
      HttpResponse<String> cluster =
          http.send(
              HttpRequest.newBuilder(base.resolve("/v1/cluster")).build(),
              HttpResponse.BodyHandlers.ofString());
      long requestMs = (System.nanoTime() - start) / 1_000_000;
      browser.get("about:blank");
      browser.get(base.resolve("/ui/").toString());
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      String render = null;
      while (render == null && System.nanoTime() < deadline) {
        render = browser.findElement(By.tagName("body")).getAttribute("data-first-render-ms");
        Thread.sleep(20);
      }
      rows = browser.findElements(By.cssSelector("#instances tr")).size();
      if (i > 0) { // the first load warms the JVM and the browser
        renders.add(Long.parseLong(render));
        requests.add(requestMs);
      }
      System.out.printf(
          "[bench] load %d: GET /v1/cluster %d ms (%d KB), first render %s ms, %d rows%n",
          i, requestMs, cluster.body().length() / 1024, render, rows);
    }
    System.out.printf(
        "[bench] (a) cluster page, %d instances (generated tree, real engine): first render"
            + " median %d ms, max %d ms; GET /v1/cluster median %d ms, max %d ms (%d loads)%n",
        rows, median(renders), max(renders), median(requests), max(requests), LOADS);
  }

  private static void healthyDelay(
      LocalClusterFixture cluster, ChromeDriver browser, HttpClient http, URI base)
      throws Exception {
    String path = "/v1/services/" + cluster.service + "/main";
    browser.get(base.resolve("/ui/#/instance/" + cluster.service + "/main").toString());
    browser.executeScript(
        "window.healthySeen = {};"
            + "new MutationObserver(() => {"
            + "  for (const row of document.querySelectorAll('#tasks tr[data-task]')) {"
            + "    const id = row.getAttribute('data-task');"
            + "    if (!window.healthySeen[id] && row.querySelector('[data-state=healthy]'))"
            + "      window.healthySeen[id] = Date.now();"
            + "  }"
            + "}).observe(document.body, {subtree: true, childList: true});");
    List<Long> delays = new ArrayList<>();
    for (int b = 0; b < BOUNCES; b++) {
      Map<String, Long> healthyAt = new HashMap<>();
      List<String> before = healthyTasks(http, base, path).keySet().stream().toList();
      HttpResponse<String> restart =
          http.send(
              HttpRequest.newBuilder(base.resolve(path + "/restart"))
                  .header("Authorization", "Bearer " + TOKEN)
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (restart.statusCode() != 202) {
        throw new IllegalStateException("restart: " + restart.statusCode() + " " + restart.body());
      }
      long deadline = System.currentTimeMillis() + 90_000;
      String fresh = null;
      while (fresh == null && System.currentTimeMillis() < deadline) {
        for (String id : healthyTasks(http, base, path).keySet()) {
          if (!before.contains(id)) {
            fresh = id;
            healthyAt.put(id, System.currentTimeMillis());
          }
        }
        Thread.sleep(20);
      }
      Long shown = null;
      while (fresh != null && shown == null && System.currentTimeMillis() < deadline) {
        Object seen =
            browser.executeScript("return window.healthySeen[arguments[0]] || null", fresh);
        shown = seen == null ? null : ((Number) seen).longValue();
        Thread.sleep(20);
      }
      if (fresh == null || shown == null) {
        System.out.println("[bench] bounce " + b + ": no new healthy task shown within 90 s");
        continue;
      }
      long delay = shown - healthyAt.get(fresh);
      delays.add(delay);
      System.out.printf("[bench] bounce %d: task %s healthy -> shown %d ms%n", b, fresh, delay);
      Thread.sleep(3000); // the old task drains away
    }
    System.out.printf(
        "[bench] (b) task turned healthy (API, polled every 20 ms) -> instance page shows it:"
            + " median %d ms, max %d ms (%d bounces)%n",
        median(delays), max(delays), delays.size());
  }

  /** The instance's healthy tasks now, by id. */
  private static Map<String, String> healthyTasks(HttpClient http, URI base, String path)
      throws Exception {
    String body =
        http.send(
                HttpRequest.newBuilder(base.resolve(path + "/tasks")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Map<String, String> healthy = new HashMap<>();
    Matcher matcher = TASK.matcher(body);
    while (matcher.find()) {
      if (matcher.group(3).equals("healthy")) {
        healthy.put(matcher.group(1), matcher.group(2));
      }
    }
    return healthy;
  }

  private static long median(List<Long> values) {
    return values.isEmpty() ? -1 : values.stream().sorted().toList().get(values.size() / 2);
  }

  private static long max(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).max().orElse(-1);
  }
}
