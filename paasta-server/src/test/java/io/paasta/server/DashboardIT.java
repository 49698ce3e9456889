package io.paasta.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paasta.testing.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard in Debian's Chromium (headless, loopback only) against the daemon running real
 * containers: the cluster page lists the instances with their states (a crash loop in red, an
 * instance not deployed), follows a bounce live through the event stream without a reload, renders
 * HTML in names and task output as text, and shows a job's runs in its timeline; the write buttons
 * (restart, run now) appear only once the API token is entered, and work.
 */
class DashboardIT {
  private static final Duration CONVERGE = Duration.ofSeconds(90);
  private static final String TOKEN = "ui-token-" + TestInfrastructure.randomSha().substring(0, 12);
  private static final String HOSTILE = "<img src=x onerror=window.pwned=1>";
  private static final String HTTPD =
      "cmd: 'echo hello-from-$PAASTA_INSTANCE; exec httpd -f -p 127.0.0.1:$PORT0 -h /www'";
  private static final String FAST_HEALTH =
      "healthcheck_mode: http, healthcheck_uri: /status, healthcheck_grace_period_seconds: 1,"
          + " healthcheck_interval_seconds: 1, healthcheck_timeout_seconds: 1,"
          + " healthcheck_max_consecutive_failures: 2, drain_method: noop";

  @RegisterExtension static final ExampleImage IMAGE = new ExampleImage();

  @TempDir Path tmp;
  private LocalClusterFixture cluster;
  private HeadlessChromium chromium;
  private ChromeDriver browser;
  private URI base;

  @BeforeEach
  void aClusterAndABrowser() throws Exception {
    cluster = new LocalClusterFixture(tmp, IMAGE.image().registry(), IMAGE.image());
    chromium = new HeadlessChromium();
    browser = chromium.driver();
  }

  @AfterEach
  void stop() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
    cluster.close();
  }

  private void start() throws Exception {
    base = cluster.startServer(tmp.resolve("state"), Optional.of(TOKEN));
  }

  private void open(String fragment) {
    browser.get(base.resolve("/ui/" + fragment).toString());
    await().atMost(CONVERGE).until(() -> "true".equals(body().getAttribute("data-live")));
  }

  private WebElement body() {
    return browser.findElement(By.tagName("body"));
  }

  /**
   * Runs a script in the page and returns its value: rows are replaced as changes come, so the page
   * is read in one go rather than through element references that may go stale.
   */
  private Object js(String script, Object... args) {
    return browser.executeScript(script, args);
  }

  private String rowState(String instance) {
    return String.valueOf(
        js(
            "const r = document.querySelector(\"#instances tr[data-key='\" + arguments[0] + \"']\");"
                + " return r ? r.getAttribute('data-state') : '';",
            cluster.service + "/" + instance));
  }

  /** The text of every element the selector finds, joined by newlines. */
  private String texts(String selector) {
    return String.valueOf(
        js(
            "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent)"
                + ".join('\\n');",
            selector));
  }

  @Test
  void theClusterAndAnInstanceAreShownLiveWithEveryTextEscaped() throws Exception {
    cluster.instances(
        "main: {deploy_group: prod, instances: 2, "
            + HTTPD
            + ", "
            + FAST_HEALTH
            + "}\n"
            + "crash: {deploy_group: prod, instances: 1, cmd: 'echo \""
            + HOSTILE
            + "\"; echo \"<script>window.pwned=2</script>\"; exit 3'}\n"
            + "canary: {deploy_group: canary, instances: 1, "
            + HTTPD
            + "}\n");
    cluster.deploy("start", null);
    // a service whose instance is named with HTML: refused, and its problem shown as text
    String broken = TestInfrastructure.randomService("it-bad");
    Path brokenDir = java.nio.file.Files.createDirectories(cluster.soa.resolve(broken));
    java.nio.file.Files.writeString(
        brokenDir.resolve("marathon-" + cluster.cluster + ".yaml"),
        "'" + HOSTILE + "': {deploy_group: prod, instances: 1}\n");
    start();
    open("");

    awaitOrExplain(() -> rowState("main").equals("Running"));
    awaitOrExplain(() -> rowState("crash").equals("Crash-looping"));
    assertThat(rowState("canary")).isEqualTo("Not deployed");
    String crash = "#instances tr[data-key='" + cluster.service + "/crash']";
    assertThat(js("return document.querySelector(arguments[0]).className", crash)).isEqualTo("bad");
    assertThat(
            js(
                "return getComputedStyle(document.querySelector(arguments[0] + ' .state'))"
                    + ".backgroundColor",
                crash))
        .isEqualTo("rgb(207, 34, 46)"); // red
    awaitOrExplain(
        () -> texts(".notice.error").contains(broken) && texts(".notice.error").contains(HOSTILE));
    assertThat(browser.findElements(By.cssSelector("main img"))).isEmpty();
    // failing first: the crash loop is above the healthy instance
    @SuppressWarnings("unchecked")
    List<String> order =
        (List<String>)
            js(
                "return [...document.querySelectorAll('#instances tr')]"
                    + ".map(r => r.getAttribute('data-key'))");
    assertThat(order.indexOf(cluster.service + "/crash"))
        .isLessThan(order.indexOf(cluster.service + "/main"));
    chromium.screenshot("dashboard-cluster");

    // a task's output with HTML in it, as text
    browser.get(base.resolve("/ui/#/instance/" + cluster.service + "/crash").toString());
    awaitOrExplain(() -> texts("#tasks pre.output").contains("<script>window.pwned=2</script>"));
    assertThat(texts("#tasks")).contains(HOSTILE);
    assertThat(browser.findElements(By.cssSelector("#tasks img"))).isEmpty();
    assertThat(browser.executeScript("return window.pwned === undefined")).isEqualTo(true);

    // a bounce, followed live on the instance page: Deploying with its progress, then Running
    browser.get(base.resolve("/ui/#/instance/" + cluster.service + "/main").toString());
    await().atMost(CONVERGE).until(() -> instanceState().equals("Running"));
    assertThat(browser.findElements(By.id("restart"))).isEmpty(); // no token, no button
    browser.findElement(By.id("token-input")).sendKeys(TOKEN);
    browser.findElement(By.id("token-save")).click();
    await().atMost(CONVERGE).until(() -> !browser.findElements(By.id("restart")).isEmpty());
    String appBefore = cluster.onlyApp().orElseThrow();
    browser.executeScript("window.notReloaded = true");
    List<String> seen = new ArrayList<>(); // the states shown, each change once
    List<String> progress = new ArrayList<>();
    seen.add(instanceState());
    browser.findElement(By.id("restart")).click();
    await()
        .atMost(CONVERGE)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              String state = instanceState();
              if (!state.equals(seen.get(seen.size() - 1))) {
                seen.add(state);
              }
              if (state.equals("Deploying")) {
                Object now =
                    js(
                        "const p = document.querySelector('#instance-state')"
                            + " && document.querySelector('[role=progressbar]');"
                            + " return p ? p.getAttribute('aria-valuenow') : null;");
                if (now != null) {
                  progress.add(String.valueOf(now));
                }
                if (progress.size() == 1) {
                  chromium.screenshot("dashboard-instance");
                }
              }
              return seen.contains("Deploying") && state.equals("Running");
            });
    assertThat(seen).containsSubsequence("Running", "Deploying", "Running");
    assertThat(progress).isNotEmpty();
    assertThat(browser.executeScript("return window.notReloaded === true")).isEqualTo(true);
    assertThat(browser.findElements(By.cssSelector("#versions tbody tr")).size())
        .isGreaterThanOrEqualTo(1);
    // the restart was a bounce to a new app, and it holds (the restart is kept by the daemon)
    await().atMost(CONVERGE).until(() -> cluster.onlyApp().isPresent());
    assertThat(cluster.onlyApp().orElseThrow()).isNotEqualTo(appBefore);
  }

  /** Waits for the condition; on timeout, fails with the page's text and the daemon's log. */
  private void awaitOrExplain(java.util.concurrent.Callable<Boolean> condition) {
    try {
      await().atMost(CONVERGE).until(condition);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      String log = cluster.log();
      throw new AssertionError(
          e.getMessage()
              + "\n--- the page:\n"
              + body().getText()
              + "\n--- the daemon's log (end):\n"
              + log.substring(Math.max(0, log.length() - 6000)),
          e);
    }
  }

  private String instanceState() {
    return String.valueOf(
        js(
            "const s = document.querySelector('#instance-state .state');"
                + " return s ? s.getAttribute('data-state') : '';"));
  }

  @Test
  void aJobsRunAppearsInItsTimelineAndWritesNeedTheToken() throws Exception {
    cluster.instances("main: {deploy_group: prod, instances: 1, " + HTTPD + "}\n");
    cluster.jobs(
        "report: {deploy_group: prod, schedule: 'R/2026-01-01T00:00:00Z/PT24H',"
            + " cmd: 'echo \"<b>report</b> done\"; exit 0'}\n"
            + "broken: {deploy_group: prod, schedule: 'R/2026-01-01T00:00:00Z/PT24H', retries: 0,"
            + " cmd: 'echo failing; exit 4'}\n");
    cluster.deploy("start", null);
    start();
    String jobPage = "#/job/" + cluster.service + "/report";
    open(jobPage);
    await().atMost(CONVERGE).until(() -> !browser.findElements(By.id("run-state")).isEmpty());
    assertThat(browser.findElements(By.id("rerun"))).isEmpty(); // no token, no button

    // a run started elsewhere (the API) appears in the timeline without a reload
    browser.executeScript("window.notReloaded = true");
    rerunThroughTheApi("broken");
    open("#/job/" + cluster.service + "/broken");
    browser.executeScript("window.notReloaded = true");
    await()
        .atMost(CONVERGE)
        .until(
            () ->
                browser.findElements(By.cssSelector("#timeline .run[data-state=failed]")).size()
                    == 1);
    assertThat(
            browser
                .findElement(By.cssSelector("#timeline .run[data-state=failed]"))
                .getCssValue("background-color"))
        .isEqualTo("rgba(207, 34, 46, 1)");

    // with the token, the button runs the job; its output is text
    browser.get(base.resolve("/ui/" + jobPage).toString());
    browser.findElement(By.id("token-input")).sendKeys(TOKEN);
    browser.findElement(By.id("token-save")).click();
    await().atMost(CONVERGE).until(() -> !browser.findElements(By.id("rerun")).isEmpty());
    browser.executeScript("window.notReloaded = true");
    browser.findElement(By.id("rerun")).click();
    await()
        .atMost(CONVERGE)
        .until(
            () ->
                browser.findElements(By.cssSelector("#timeline .run[data-state=succeeded]")).size()
                    == 1);
    await()
        .atMost(CONVERGE)
        .until(
            () ->
                browser.findElement(By.id("run-output")).getText().contains("<b>report</b> done"));
    assertThat(browser.findElements(By.cssSelector("#run-output b"))).isEmpty();
    assertThat(browser.executeScript("return window.notReloaded === true")).isEqualTo(true);
    assertThat(browser.executeScript("return sessionStorage.getItem('paasta-api-token') !== null"))
        .isEqualTo(true);
    for (int run = 2; run <= 3; run++) { // a timeline of a few runs for the screenshot
      int runs = run;
      js("document.getElementById('rerun').click()"); // the page may be re-drawn meanwhile
      await()
          .atMost(CONVERGE)
          .until(
              () ->
                  browser
                          .findElements(By.cssSelector("#timeline .run[data-state=succeeded]"))
                          .size()
                      == runs);
    }
    chromium.screenshot("dashboard-job");

    // forgetting the token takes the buttons away
    browser.findElement(By.id("token-forget")).click();
    await().atMost(CONVERGE).until(() -> browser.findElements(By.id("rerun")).isEmpty());
  }

  private void rerunThroughTheApi(String job) throws Exception {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        base.resolve("/v1/services/" + cluster.service + "/" + job + "/runs"))
                    .header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
  }
}
