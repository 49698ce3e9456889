package io.paasta.cli.commands;

import io.paasta.cli.UserException;
import io.paasta.config.secrets.EncryptedSecret;
import io.paasta.config.secrets.LocalKeySecretProvider;
import io.paasta.config.secrets.LocalKeyStore;
import io.paasta.config.secrets.SealedBox;
import io.paasta.config.secrets.SecretEnvResolver;
import io.paasta.config.secrets.SecretFiles;
import io.paasta.config.secrets.SecretNames;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.config.system.SystemConfigLoader;
import io.paasta.model.InstanceConfig;
import io.paasta.model.SecretRef;
import io.paasta.model.SystemConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code paasta secret add|update|decrypt|run} (SPEC section 15): secrets encrypted for each
 * cluster's ecosystem with the local provider's public key; decrypted where the private key is.
 */
@Command(
    name = "secret",
    mixinStandardHelpOptions = true,
    description = {
      "Adds, updates, decrypts secrets of soa-configs and runs commands with them.",
      "A secret is encrypted for each cluster's ecosystem (the system config's vault_cluster_map,"
          + " default the cluster's name) with the ecosystem's public key <system config"
          + " dir>/secret-keys/<ecosystem>.pub; only the private key <secret_key_dir>/<ecosystem>.key"
          + " (mode 0600, default the same folder) decrypts it."
    },
    subcommands = {
      SecretCommand.Add.class,
      SecretCommand.Update.class,
      SecretCommand.Decrypt.class,
      SecretCommand.Run.class
    })
public final class SecretCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 2;
  }

  /** {@code -s SERVICE} or {@code --shared}. */
  static final class Owner {
    @Option(
        names = {"-s", "--service"},
        paramLabel = "SERVICE",
        description = "The service whose secrets/ folder holds the secret.")
    String service;

    @Option(
        names = "--shared",
        description = "A secret of _shared/secrets/ (SHARED_SECRET(name) in an env).")
    boolean shared;
  }

  /** What every secret command reads: soa-configs, the system config and its keys. */
  abstract static class Base {
    @Spec CommandSpec spec;

    @Mixin SoaDirOption soaDir;

    @Option(
        names = "--system-config-dir",
        paramLabel = "DIR",
        description =
            "The system config, with secret-keys/ (default: $PAASTA_SYSTEM_CONFIG_DIR, else"
                + " /etc/paasta).")
    Path systemConfigDir;

    Path systemDir() {
      return systemConfigDir != null ? systemConfigDir : SystemConfigLoader.defaultDir();
    }

    SystemConfig system() {
      return SystemConfigLoader.loadUsable(systemDir());
    }

    LocalKeyStore keys(SystemConfig system) {
      return LocalKeyStore.of(systemDir(), system);
    }

    PrintWriter out() {
      return spec.commandLine().getOut();
    }
  }

  /** A command on one secret: {@code -s SERVICE|--shared -n NAME}. */
  abstract static class OneSecret extends Base {
    @ArgGroup(multiplicity = "1")
    Owner owner;

    @Option(
        names = {"-n", "--secret-name"},
        required = true,
        paramLabel = "NAME",
        description = "The secret's name (letters, digits, '-', '_').")
    String name;
  }

  /** {@code add} and {@code update}: encrypt for the clusters' ecosystems, write the file. */
  abstract static class Write extends OneSecret implements Callable<Integer> {
    @Option(
        names = {"-c", "--clusters"},
        split = ",",
        paramLabel = "CLUSTERS",
        description =
            "Comma-separated clusters (default: every cluster of the service; with --shared, of"
                + " soa-configs).")
    List<String> clusters;

    @Option(
        names = {"-p", "--plain-text"},
        paramLabel = "PLAINTEXT",
        description = "The value (else -i).")
    String plainText;

    @Option(
        names = {"-i", "--stdin"},
        description = "Read the value from stdin (one trailing newline is dropped).")
    boolean stdin;

    abstract boolean adding();

    @Override
    public Integer call() throws IOException {
      SecretNames.check(name);
      String value = value();
      SoaConfigsLoader loader = soaDir.open();
      SecretRef ref = new SecretRef(name, owner.shared);
      String service = owner.shared ? SecretRef.SHARED_SERVICE : checkedService(loader);
      SecretFiles files = new SecretFiles(loader.soaDir().root());
      Path file = files.path(service, ref);
      if (adding() && Files.exists(file)) {
        throw new UserException(
            file + " exists: change the secret with `paasta secret update` (same options)");
      }
      if (!adding() && !Files.exists(file)) {
        throw new UserException(
            file + " does not exist: create the secret with `paasta secret add` (same options)");
      }
      SystemConfig system = system();
      LocalKeyStore keys = keys(system);
      SealedBox box = new SealedBox(new SecureRandom());
      LocalKeySecretProvider provider = new LocalKeySecretProvider(keys, box);
      Set<String> ecosystems = ecosystems(system, targetClusters(loader, service));
      for (String ecosystem : ecosystems) {
        keys.createIfMissing(ecosystem, box)
            .ifPresent(
                key ->
                    out()
                        .println(
                            "Created the key pair of ecosystem "
                                + ecosystem
                                + ": private key "
                                + key
                                + " (mode 0600: keep it on the daemon's host only), public key "
                                + keys.publicKeyFile(ecosystem)
                                + " (copy it where secrets are added)"));
        EncryptedSecret secret = provider.encrypt(ecosystem, name, value);
        files.write(file, ecosystem, secret);
      }
      out()
          .println(
              (adding() ? "Added" : "Updated")
                  + " secret "
                  + name
                  + " for ecosystem"
                  + (ecosystems.size() == 1 ? " " : "s ")
                  + String.join(", ", ecosystems)
                  + " in "
                  + file);
      out().println("To use it, add to an instance's env:");
      out().println("  env:");
      out()
          .println(
              "    PAASTA_SECRET_"
                  + name.toUpperCase(Locale.ROOT).replace('-', '_')
                  + ": "
                  + (owner.shared ? "SHARED_SECRET(" : "SECRET(")
                  + name
                  + ")");
      return 0;
    }

    private String value() throws IOException {
      if ((plainText == null) == !stdin) {
        throw new UserException("give the secret's value with exactly one of -p PLAINTEXT or -i");
      }
      String value = plainText;
      if (stdin) {
        value = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        if (value.endsWith("\n")) {
          value = value.substring(0, value.length() - 1);
        }
      }
      if (value.isEmpty()) {
        throw new UserException("the secret's value is empty: an empty secret is refused");
      }
      return value;
    }

    private String checkedService(SoaConfigsLoader loader) {
      if (!loader.soaDir().hasService(owner.service)) {
        throw new UserException(
            "service '" + owner.service + "' is not in " + loader.soaDir().root());
      }
      return owner.service;
    }

    private List<String> targetClusters(SoaConfigsLoader loader, String service) {
      if (clusters != null && !clusters.isEmpty()) {
        return clusters;
      }
      List<String> all =
          owner.shared
              ? new ArrayList<>(loader.clusters())
              : loader.load(service).service().clusters();
      if (all.isEmpty()) {
        throw new UserException("no cluster runs " + service + ": name the clusters with -c");
      }
      return all;
    }
  }

  static Set<String> ecosystems(SystemConfig system, List<String> clusters) {
    Set<String> ecosystems = new LinkedHashSet<>();
    clusters.forEach(c -> ecosystems.add(LocalKeyStore.ecosystem(system, c)));
    return ecosystems;
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Encrypts a new secret for the clusters' ecosystems into secrets/<name>.json and prints the"
            + " env line to paste. Creates an ecosystem's key pair when it has none, saying where."
      })
  static final class Add extends Write {
    @Override
    boolean adding() {
      return true;
    }
  }

  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      description = {
        "Encrypts a new value of an existing secret for the clusters' ecosystems (other"
            + " ecosystems keep theirs). Running services that use it bounce."
      })
  static final class Update extends Write {
    @Override
    boolean adding() {
      return false;
    }
  }

  @Command(
      name = "decrypt",
      mixinStandardHelpOptions = true,
      description = {
        "Prints the plain text of a secret for one cluster (needs the ecosystem's private key)."
      })
  static final class Decrypt extends OneSecret implements Callable<Integer> {
    @Option(
        names = {"-c", "--cluster"},
        required = true,
        paramLabel = "CLUSTER",
        description = "Exactly one cluster.")
    String cluster;

    @Override
    public Integer call() {
      if (cluster.contains(",")) {
        throw new UserException("decrypt takes exactly one cluster (-c " + cluster + ")");
      }
      SecretNames.check(name);
      SoaConfigsLoader loader = soaDir.open();
      String service = owner.shared ? SecretRef.SHARED_SERVICE : owner.service;
      SystemConfig system = system();
      Map<String, String> env =
          SecretEnvResolver.local(loader.soaDir().root(), systemDir(), system, cluster)
              .resolve(
                  service, Map.of(name, (owner.shared ? "SHARED_" : "") + "SECRET(" + name + ")"));
      out().println(env.get(name));
      return 0;
    }
  }

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = {
        "Runs CMD (default: sh) with the instance's env, its secrets decrypted for the cluster",
        "(needs the ecosystem's private key). Exits with CMD's exit code."
      })
  static final class Run extends Base implements Callable<Integer> {
    @Option(
        names = {"-s", "--service"},
        required = true,
        paramLabel = "SERVICE",
        description = "The service.")
    String service;

    @Option(
        names = {"-i", "--instance"},
        required = true,
        paramLabel = "INSTANCE",
        description = "The instance whose env is used.")
    String instance;

    @Option(
        names = {"-c", "--cluster"},
        required = true,
        paramLabel = "CLUSTER",
        description = "The cluster.")
    String cluster;

    @Parameters(paramLabel = "CMD", description = "The command and its arguments.")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
      SoaConfigsLoader loader = soaDir.open();
      InstanceConfig config =
          loader
              .load(service)
              .service()
              .instance(cluster, instance)
              .orElseThrow(
                  () ->
                      new UserException(
                          service + " has no instance " + instance + " in cluster " + cluster));
      Map<String, String> env =
          SecretEnvResolver.local(loader.soaDir().root(), systemDir(), system(), cluster)
              .resolve(service, new LinkedHashMap<>(config.container().env()));
      ProcessBuilder process =
          new ProcessBuilder(command.isEmpty() ? List.of("sh") : command).inheritIO();
      process.environment().putAll(env);
      return process.start().waitFor();
    }
  }
}
