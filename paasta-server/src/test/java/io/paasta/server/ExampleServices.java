package io.paasta.server;

import com.github.dockerjava.api.DockerClient;
import io.paasta.config.secrets.LocalKeySecretProvider;
import io.paasta.config.secrets.LocalKeyStore;
import io.paasta.config.secrets.SealedBox;
import io.paasta.config.secrets.SecretFiles;
import io.paasta.deploy.git.GitRemoteClient;
import io.paasta.deploy.image.DockerImageName;
import io.paasta.deploy.image.ImageBuilder;
import io.paasta.deploy.image.ImagePusher;
import io.paasta.deploy.image.MakeClient;
import io.paasta.deploy.image.RegistryClient;
import io.paasta.deploy.testing.RegistryImages;
import io.paasta.discovery.haproxy.LoopbackPorts;
import io.paasta.model.SecretRef;
import io.paasta.testing.ExampleRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The quick start's example services (examples/soa-configs, examples/services) on a {@link
 * LocalClusterFixture}'s cluster, deployed the way {@code scripts/quickstart.sh} does it: the
 * soa-configs copied (the {@code local} cluster's files renamed to the test's cluster), each
 * service's repository committed to git, its image built with {@code make cook-image} and pushed as
 * {@code services-SERVICE:paasta-SHA}, and a deploy tag for {@code local.everything} that the
 * daemon's git poller turns into deployments.json. What the test must own differs from the quick
 * start only where a shared machine needs it: {@code git_url} names the test's repository (not
 * /srv/git), SmartStack's proxy ports are free ones (not 20001/20002) and greeter-api's secret is
 * encrypted for the test's cluster with a key of its own.
 */
final class ExampleServices implements AutoCloseable {
  static final List<String> SERVICES = List.of("batch-reports", "greeter-api", "hello-web");
  static final String DEPLOY_GROUP = "local.everything";

  private final LocalClusterFixture cluster;
  private final DockerClient docker;
  private final Path work;
  private final RegistryImages images = new RegistryImages();
  private final Map<String, String> shas = new java.util.HashMap<>();

  ExampleServices(LocalClusterFixture cluster, DockerClient docker, Path work) {
    this.cluster = cluster;
    this.docker = docker;
    this.work = work;
  }

  /** The commit of the service's repository that is deployed. */
  String sha(String service) {
    return shas.get(service);
  }

  /** examples/soa-configs. */
  static Path soaConfigs() {
    return ExampleRepository.exampleServices().resolveSibling("soa-configs");
  }

  /**
   * Copies the soa-configs, builds, pushes and tags every service; returns the system config keys
   * the daemon needs for them ({@code secret_key_dir}).
   */
  Map<String, Object> deploy() throws IOException {
    copySoaConfigs();
    GitRemoteClient git = new GitRemoteClient(work.resolve("git-cache"), Duration.ofSeconds(30));
    String tag =
        "paasta-"
            + DEPLOY_GROUP
            + "-"
            + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
                .format(ZonedDateTime.now(ZoneOffset.UTC))
            + "-deploy";
    for (String service : SERVICES) {
      ExampleRepository repo = ExampleRepository.committed(service, work.resolve("repos"));
      DockerImageName image =
          images.track(new DockerImageName(cluster.image.registry(), service, repo.head()));
      new ImageBuilder(docker, new MakeClient(), line -> {}).build(repo.dir(), image);
      new ImagePusher(docker, new RegistryClient(), line -> {}).push(image, false);
      git.pushTag(repo.dir().toString(), tag, repo.head());
      shas.put(service, repo.head());
      replaceInFile(
          service,
          "service.yaml",
          "(?m)^git_url: .*$",
          java.util.regex.Matcher.quoteReplacement("git_url: \"" + repo.dir() + "\""));
    }
    return Map.of(LocalKeyStore.KEY_DIR_KEY, encryptGreeterSecret().toString());
  }

  /** examples/soa-configs in the cluster's soa-configs, {@code *-local.yaml} for its cluster. */
  private void copySoaConfigs() throws IOException {
    Path from = soaConfigs();
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        String relative =
            from.relativize(path)
                .toString()
                .replace("-local.yaml", "-" + cluster.cluster + ".yaml");
        Path target = cluster.soa.resolve(relative);
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
    for (String service : SERVICES) {
      replaceInFile(
          service,
          "smartstack.yaml",
          "proxy_port: [0-9]+",
          "proxy_port: " + LoopbackPorts.freePort());
    }
  }

  /**
   * greeter-api's {@code SECRET(db_password)} encrypted for this cluster's ecosystem (as {@code
   * paasta secret update} does) with a key pair made for the test; returns the keys' folder.
   */
  private Path encryptGreeterSecret() {
    Path keyDir = work.resolve("secret-keys");
    String ecosystem = LocalKeyStore.ecosystem(cluster.system(), cluster.cluster);
    SealedBox box = new SealedBox(new SecureRandom());
    LocalKeyStore keys = new LocalKeyStore(keyDir, keyDir);
    keys.createIfMissing(ecosystem, box);
    SecretFiles files = new SecretFiles(cluster.soa);
    files.write(
        files.path("greeter-api", new SecretRef("db_password", false)),
        ecosystem,
        new LocalKeySecretProvider(keys, box).encrypt(ecosystem, "db_password", "example-s3cret"));
    return keyDir;
  }

  private void replaceInFile(String service, String file, String regex, String replacement)
      throws IOException {
    Path path = cluster.soa.resolve(service).resolve(file);
    if (Files.isRegularFile(path)) {
      Files.writeString(path, Files.readString(path).replaceAll(regex, replacement));
    }
  }

  /** Removes the images from the engine and the registry. */
  @Override
  public void close() {
    images.removeAll(docker);
  }
}
