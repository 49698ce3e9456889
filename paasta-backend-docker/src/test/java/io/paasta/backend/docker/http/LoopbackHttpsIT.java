package io.paasta.backend.docker.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.paasta.backend.docker.health.HealthProbeClient;
import io.paasta.backend.docker.health.ProbeResult;
import io.paasta.backend.docker.testing.RunSpecBuilder;
import io.paasta.model.HealthcheckMode;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.OptionalInt;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https health checks of a task with a self-signed certificate for another host name (made by the
 * JDK's keytool): certificates and names are not checked.
 */
class LoopbackHttpsIT {
  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir Path work;
  private HttpsServer server;

  @BeforeEach
  void startHttpsServer() throws Exception {
    Path keystore = work.resolve("task.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "task",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=task.example",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD);
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext(
        "/status",
        exchange -> {
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void anHttpsCheckPassesWithoutCheckingTheCertificate() {
    HealthProbeClient probes = new HealthProbeClient(null, new LoopbackHttpClient());

    ProbeResult result =
        probes.probe(
            "id",
            RunSpecBuilder.check(HealthcheckMode.HTTPS, "/status", 0, 1, 1),
            OptionalInt.of(server.getAddress().getPort()));

    assertThat(result).isEqualTo(ProbeResult.PASS);
  }

  @Test
  void plainHttpToAnHttpsPortFails() throws Exception {
    assertThat(
            new HealthProbeClient(null, new LoopbackHttpClient())
                .probe(
                    "id",
                    RunSpecBuilder.check(HealthcheckMode.HTTP, "/status", 0, 1, 1),
                    OptionalInt.of(server.getAddress().getPort())))
        .isEqualTo(ProbeResult.FAIL);
  }
}
