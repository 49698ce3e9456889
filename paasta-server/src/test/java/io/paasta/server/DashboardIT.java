package io.paasta.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paasta.discovery.haproxy.LoopbackPorts;
import io.paasta.testing.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * containers: the cluster page lists the quick start's example services with their real states and
 * follows a bounce live (its capacity panel too) without a reload; the instance page follows a
 * bounce started by its button; a crash loop shows in red and first; HTML in names and task output
 * renders as text; a job's runs appear in its timeline; the write buttons (restart, run now) appear
 * only once the API token is entered, and work. The README's screenshots come from the example
 * services ({@code -Ddashboard.screenshots=DIR}).
 */
class DashboardIT {
  private static final Duration CONVERGE = Duration.ofSeconds(90);

  /** What the pages show at once: a change within a second; far under a stalled minute. */
  private static final Duration SOON = Duration.ofSeconds(20);

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
  private ExampleServices examples;

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
    if (examples != null) {
      examples.close();
    }
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
    return stateOf(cluster.service + "/" + instance);
  }

  /** The state the cluster page shows for {@code service/instance} ("" when not listed). */
  private String stateOf(String key) {
    return String.valueOf(
        js(
            "const r = document.querySelector(\"#instances tr[data-key='\" + arguments[0] + \"']\");"
                + " return r ? r.getAttribute('data-state') : '';",
            key));
  }

  /** The texts of a cluster page row's cells ({@code #instances} or {@code #jobs}). */
  @SuppressWarnings("unchecked")
  private List<String> cells(String table, String key) {
    return (List<String>)
        js(
            "const r = document.querySelector('#' + arguments[0] + \" tr[data-key='\" + arguments[1]"
                + " + \"']\"); return r ? [...r.cells].map(c => c.textContent) : [];",
            table,
            key);
  }

  /** The running tasks the capacity panel shows now (-1 before it is read). */
  private int capacityRunning() {
    Object running =
        js("return document.getElementById('capacity').getAttribute('data-running') || '-1'");
    return Integer.parseInt(String.valueOf(running));
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
  void theExampleServicesAreListedWithTheirRealStatesAndFollowedLive() throws Exception {
    examples = new ExampleServices(cluster, IMAGE.docker(), tmp.resolve("examples"));
    Map<String, Object> system = new HashMap<>(examples.deploy());
    system.put(
        "location",
        Map.of("habitat", "it1", "region", "it", "superregion", "it", "ecosystem", "test"));
    RoutedCluster routed = new RoutedCluster(cluster, tmp.resolve("state"));
    base =
        routed.start(
            Optional.of(TOKEN), routed.system("localhost", LoopbackPorts.freePort(), system));
    open("");

    // every example instance and job, as the quick start runs them; a check failing for a moment
    // while the tasks start puts its row first, so the rows are read once none fails
    awaitOrExplain(
        () ->
            stateOf("hello-web/main").equals("Running")
                && stateOf("greeter-api/main").equals("Running")
                && texts("#instances tr.bad").isEmpty()
                && texts("#jobs tr").contains("batch-reports.heartbeat"));
    @SuppressWarnings("unchecked")
    List<String> instances =
        (List<String>)
            js("return [...document.querySelectorAll('#instances tr')].map(r => r.dataset.key)");
    assertThat(instances).containsExactly("greeter-api/main", "hello-web/main");
    assertThat(cells("instances", "hello-web/main"))
        .containsSubsequence(
            "hello-web.main", "Running", "3/3 healthy", examples.sha("hello-web").substring(0, 8));
    assertThat(cells("instances", "greeter-api/main"))
        .containsSubsequence(
            "greeter-api.main",
            "Running",
            "2/2 healthy",
            examples.sha("greeter-api").substring(0, 8));
    @SuppressWarnings("unchecked")
    List<String> jobs =
        (List<String>)
            js("return [...document.querySelectorAll('#jobs tr')].map(r => r.dataset.key)");
    assertThat(jobs)
        .containsExactlyInAnyOrder(
            "batch-reports/heartbeat", "batch-reports/nightly", "batch-reports/summarize");
    assertThat(cells("jobs", "batch-reports/nightly"))
        .containsSubsequence("batch-reports.nightly", "Scheduled", "R/2026-01-01T00:00:00Z/PT24H");
    assertThat(cells("jobs", "batch-reports/summarize"))
        .containsSubsequence("batch-reports.summarize", "batch-reports.nightly");
    assertThat(texts("#summary")).startsWith("2 instances: 2 Running; 3 jobs");
    awaitOrExplain(() -> capacityRunning() >= 5); // 3 + 2 tasks, and a heartbeat's run at times
    chromium.screenshot("dashboard-cluster");

    // a restart through the API: the row shows the bounce and the capacity panel its new tasks,
    // both without a reload
    js(
        "window.notReloaded = true; window.capacityReads = []; const fetch = window.fetch;"
            + " window.fetch = function (url) {"
            + " if (String(url).startsWith('/v1/metastatus')) capacityReads.push(performance.now());"
            + " return fetch.apply(this, arguments); };");
    int runningBefore = capacityRunning();
    List<String> rowStates = new ArrayList<>(List.of(stateOf("hello-web/main")));
    int[] mostRunning = {runningBefore};
    post("/v1/services/hello-web/main/restart", "{}");
    awaitOrExplain(
        () -> {
          String state = stateOf("hello-web/main");
          if (!state.equals(rowStates.get(rowStates.size() - 1))) {
            rowStates.add(state);
          }
          mostRunning[0] = Math.max(mostRunning[0], capacityRunning());
          return rowStates.contains("Deploying") && state.equals("Running");
        });
    assertThat(rowStates).containsSubsequence("Running", "Deploying", "Running");
    assertThat(mostRunning[0])
        .as("the capacity panel's running tasks")
        .isGreaterThan(runningBefore);
    awaitOrExplain(() -> capacityRunning() < mostRunning[0]); // the old tasks gone
    assertThat(js("return window.notReloaded === true")).isEqualTo(true);
    // read again at most once a second, however many changes the bounce sent
    @SuppressWarnings("unchecked")
    List<Number> reads = (List<Number>) js("return window.capacityReads");
    assertThat(reads).hasSizeGreaterThanOrEqualTo(2);
    for (int i = 1; i < reads.size(); i++) {
      assertThat(reads.get(i).doubleValue() - reads.get(i - 1).doubleValue())
          .as("milliseconds between two reads of the capacity")
          .isGreaterThanOrEqualTo(990.0);
    }

    // a bounce, followed live on the instance page: Deploying with its progress, then Running
    browser.get(base.resolve("/ui/#/instance/hello-web/main").toString());
    await().atMost(CONVERGE).until(() -> instanceState().equals("Running"));
    assertThat(browser.findElements(By.id("restart"))).isEmpty(); // no token, no button
    browser.findElement(By.id("token-input")).sendKeys(TOKEN);
    browser.findElement(By.id("token-save")).click();
    await().atMost(CONVERGE).until(() -> !browser.findElements(By.id("restart")).isEmpty());
    String appBefore = exampleApp();
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
    await().atMost(CONVERGE).until(() -> !exampleApp().isEmpty());
    assertThat(exampleApp()).isNotEqualTo(appBefore);

    // the last output follows the log store as lines are stored: greeter-api's httpd -v logs each
    // request (the health checks' too) while the instance stays as it is, so the page is not
    // re-read (data-rendered stays) and the lines still change
    open("#/instance/greeter-api/main");
    awaitOrExplain(() -> texts("#logs").contains("response:200"));
    Object rendered = body().getAttribute("data-rendered");
    String before = texts("#logs");
    awaitOrExplain(() -> !texts("#logs").equals(before));
    assertThat(body().getAttribute("data-rendered")).isEqualTo(rendered);
    assertThat(texts("#logs").split("\n")).hasSizeLessThanOrEqualTo(30);

    // a job of the examples, rerun for two days with its child (as the quick start does): its
    // runs appear in the timeline
    for (int run = 1; run <= 2; run++) {
      int runs = run;
      String day =
          java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(2 - run) + "T00:00:00";
      post(
          "/v1/services/batch-reports/nightly/runs",
          "{\"execution_date\": \"" + day + "\", \"rerun_type\": \"graph\"}");
      open("#/job/batch-reports/nightly");
      awaitOrExplain(
          () ->
              browser.findElements(By.cssSelector("#timeline .run[data-state=succeeded]")).size()
                  == runs);
    }
    awaitOrExplain(
        () -> browser.findElement(By.id("run-output")).getText().contains("building report"));
    assertThat(texts("#children")).contains("batch-reports.summarize");
    chromium.screenshot("dashboard-job");
  }

  /** The app id of hello-web.main's running tasks, when they all belong to one ("" when not). */
  private String exampleApp() {
    List<String> apps =
        cluster.backendTasks("hello-web").stream()
            .filter(io.paasta.planning.observed.ObservedTask::isRunning)
            .map(io.paasta.planning.observed.ObservedTask::appId)
            .distinct()
            .toList();
    return apps.size() == 1 ? apps.get(0) : "";
  }

  @Test
  void aCrashLoopIsRedAndFirstAndEveryTextIsEscaped() throws Exception {
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

    // a task's output with HTML in it, as text
    browser.get(base.resolve("/ui/#/instance/" + cluster.service + "/crash").toString());
    awaitOrExplain(() -> texts("#tasks pre.output").contains("<script>window.pwned=2</script>"));
    assertThat(texts("#tasks")).contains(HOSTILE);
    assertThat(browser.findElements(By.cssSelector("#tasks img"))).isEmpty();
    assertThat(browser.executeScript("return window.pwned === undefined")).isEqualTo(true);
  }

  /**
   * Pages of the dashboard left for another, or in a tab in the background, keep no connection the
   * page in front waits for. Chromium keeps a page left by a navigation in its back/forward cache
   * for up to a minute, with its open requests (the event stream, the instance's log stream), and
   * opens at most 6 connections to a host: six pages left held them all, so the next page's
   * requests waited a minute (bench/dashboard.sh's first bounce showed 53 s late); three tabs in
   * the background on an instance page (its events and its log lines: two streams each) held them
   * for as long as they stayed open. {@link #SOON} is far under that minute and far over a render's
   * time.
   */
  @Test
  void pagesLeftOrInTheBackgroundHoldNoConnectionsAndTheNextPageFollowsABounceAtOnce()
      throws Exception {
    cluster.instances(
        "main: {deploy_group: prod, instances: 1, " + HTTPD + ", " + FAST_HEALTH + "}\n");
    cluster.deploy("start", null);
    start();
    String instancePage = "#/instance/" + cluster.service + "/main";
    // the cluster page, opened and left 5 times, then open a 6th time (as bench/dashboard.sh does)
    for (int i = 0; i < 5; i++) {
      open("");
      browser.get("about:blank");
    }
    open("");
    awaitOrExplain(() -> rowState("main").equals("Running"));
    // to the instance page within the same document: its requests need connections of their own
    js("location.hash = arguments[0]", instancePage);
    awaitOrExplain(SOON, () -> instanceState().equals("Running") && !texts("#tasks").isEmpty());
    String appBefore = cluster.onlyApp().orElseThrow();
    js(
        "window.notReloaded = true; window.healthySeen = {};"
            + " new MutationObserver(() => {"
            + "  for (const row of document.querySelectorAll('#tasks tr[data-task]'))"
            + "    if (row.querySelector('[data-state=healthy]'))"
            + "      window.healthySeen[row.getAttribute('data-task')] = true;"
            + " }).observe(document.body, {subtree: true, childList: true});");
    post("/v1/services/" + cluster.service + "/main/restart", "{}");
    // the new app's task turns healthy (the engine and health checker say so), then the page shows
    // it without a reload
    String[] fresh = {null};
    await()
        .atMost(CONVERGE)
        .until(
            () -> {
              fresh[0] =
                  cluster.tasks().stream()
                      .filter(
                          t ->
                              t.isRunning()
                                  && t.health() == io.paasta.planning.observed.HealthState.HEALTHY
                                  && !t.appId().equals(appBefore))
                      .map(io.paasta.planning.observed.ObservedTask::id)
                      .findFirst()
                      .orElse(null);
              return fresh[0] != null;
            });
    awaitOrExplain(
        SOON,
        () ->
            Boolean.TRUE.equals(js("return window.healthySeen[arguments[0]] === true", fresh[0])));
    assertThat(js("return window.notReloaded === true")).isEqualTo(true);

    // a page brought back from that cache follows again, with what changed while it was away
    String appShown =
        cluster.tasks().stream()
            .filter(t -> t.id().equals(fresh[0]))
            .findFirst()
            .orElseThrow()
            .appId();
    js("window.cachedPage = true");
    browser.get("about:blank");
    post("/v1/services/" + cluster.service + "/main/restart", "{}");
    browser.navigate().back();
    assertThat(js("return window.cachedPage === true"))
        .as("the page came back from the back/forward cache")
        .isEqualTo(true);
    awaitOrExplain(SOON, () -> "true".equals(body().getAttribute("data-live")));
    awaitOrExplain(
        () -> {
          Optional<String> now = cluster.onlyApp();
          return now.isPresent()
              && !now.get().equals(appShown)
              && instanceState().equals("Running")
              && texts("#versions").contains(now.get())
              && !texts("#versions").contains(appShown);
        });

    // tabs in the background hold none either: three more tabs on the instance page (each one
    // opened sends the one before to the background), then the first tab again
    String first = browser.getWindowHandle();
    browser.manage().timeouts().pageLoadTimeout(SOON);
    for (int tab = 1; tab <= 3; tab++) {
      browser.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
      try {
        browser.get(base.resolve("/ui/" + instancePage).toString());
      } catch (org.openqa.selenium.TimeoutException e) {
        throw new AssertionError(
            "tab "
                + tab
                + " of the instance page did not load within "
                + SOON
                + ": its requests wait for connections the tabs in the background hold",
            e);
      }
      awaitOrExplain(SOON, this::liveAndRunning);
    }
    browser.switchTo().window(first);
    awaitOrExplain(SOON, this::liveAndRunning);
  }

  /** The page in front follows the events and shows the instance Running (false while loading). */
  private boolean liveAndRunning() {
    try {
      return "true".equals(body().getAttribute("data-live")) && instanceState().equals("Running");
    } catch (org.openqa.selenium.WebDriverException e) {
      return false; // the page is still being loaded
    }
  }

  /** Waits for the condition; on timeout, fails with the page's text and the daemon's log. */
  private void awaitOrExplain(java.util.concurrent.Callable<Boolean> condition) {
    awaitOrExplain(CONVERGE, condition);
  }

  private void awaitOrExplain(Duration atMost, java.util.concurrent.Callable<Boolean> condition) {
    try {
      await().atMost(atMost).until(condition);
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
    post("/v1/services/" + cluster.service + "/broken/runs", "{}");
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

    // forgetting the token takes the buttons away
    browser.findElement(By.id("token-forget")).click();
    await().atMost(CONVERGE).until(() -> browser.findElements(By.id("rerun")).isEmpty());
  }

  /** A write through the API with the token; fails unless it is accepted (200, 201 or 202). */
  private void post(String path, String json) throws Exception {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(base.resolve(path))
                    .header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(path + ": " + answer.body()).isBetween(200, 202);
  }
}
