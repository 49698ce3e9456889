package io.paasta.server;

import io.paasta.testing.TestInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (packages {@code chromium} and
 * {@code chromium-driver}), kept on loopback: every background service that would call out is off,
 * and a proxy that refuses everything stands in front of any address but 127.0.0.1. Missing
 * packages skip the test, or fail it under {@code CI=true}.
 */
final class HeadlessChromium implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** Where screenshots go: {@code -Ddashboard.screenshots=DIR} (the README's are in docs/). */
  static final Path SCREENSHOTS =
      Path.of(System.getProperty("dashboard.screenshots", "target/dashboard-screenshots"));

  static final List<String> LOOPBACK_ONLY =
      List.of(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-extensions",
          "--no-first-run",
          "--no-default-browser-check",
          "--disable-default-apps",
          "--disable-features=MediaRouter,OptimizationHints,Translate",
          "--dns-prefetch-disable",
          "--metrics-recording-only",
          "--proxy-server=127.0.0.1:9",
          "--proxy-bypass-list=127.0.0.1;localhost",
          "--window-size=1400,1000");

  private final ChromeDriver driver;

  HeadlessChromium() throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw TestInfrastructure.missing(
          "Chromium is missing ("
              + CHROMIUM
              + ", "
              + CHROMEDRIVER
              + ": Debian packages chromium,"
              + " chromium-driver)");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(LOOPBACK_ONLY);
    options.addArguments("--user-data-dir=" + Files.createTempDirectory("paasta-chromium"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withTimeout(Duration.ofSeconds(60))
            .build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Saves the page as {@code <SCREENSHOTS>/<name>.png}. */
  Path screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
