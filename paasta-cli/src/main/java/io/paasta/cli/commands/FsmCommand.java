package io.paasta.cli.commands;

import io.paasta.cli.UserException;
import io.paasta.cli.fsm.ProxyPortChoice;
import io.paasta.cli.fsm.RepoSkeleton;
import io.paasta.cli.fsm.ServiceSkeleton;
import io.paasta.cli.fsm.SkeletonWriter;
import io.paasta.cli.fsm.UsedProxyPorts;
import io.paasta.cli.output.Output;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.model.Names;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paasta fsm}: a new service's soa-configs (and repository) that pass validate at once. */
@Command(
    name = "fsm",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a new service's soa-configs: service.yaml, monitoring.yaml (team, page: true),"
          + " smartstack.yaml (main with the lowest proxy_port of 19000-21000 no smartstack.yaml"
          + " of the tree uses), marathon-<cluster>.yaml with main (3 instances) and canary (1,"
          + " registered in main) for every cluster of the tree, and deploy.yaml.",
      "With --repo, also a service repository that paasta check accepts: a Dockerfile FROM"
          + " scratch with busybox httpd serving www/, a Makefile with cook-image, itest and"
          + " test, committed to a new git repository that service.yaml's git_url names.",
      "Refuses an invalid service name, an existing service and a non-empty --repo."
    })
public final class FsmCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SoaDirOption soaDir;

  @Option(
      names = {"-s", "--service"},
      required = true,
      paramLabel = "NAME",
      description = "The new service's name.")
  String service;

  @Option(
      names = {"-t", "--team"},
      paramLabel = "TEAM",
      description = "monitoring.yaml's team (default: the service's name).")
  String team;

  @Option(
      names = {"-d", "--description"},
      paramLabel = "TEXT",
      description = "service.yaml's description.")
  String description;

  @Option(
      names = "--external-link",
      paramLabel = "URL",
      description =
          "service.yaml's external_link (default: http://127.0.0.1:<proxy_port>/, where"
              + " SmartStack routes it).")
  String externalLink;

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description = "Also write the service's repository here (a new or empty directory).")
  Path repo;

  @Override
  public Integer call() {
    if (!Names.isValidName(service)) {
      throw new UserException(
          "'" + service + "' is not a valid service name - expected " + Names.NAME_RULE);
    }
    Path root = soaDir.path();
    if (!Files.isDirectory(root)) {
      throw new UserException("-y " + root + ": no such soa-configs directory");
    }
    Path folder = root.resolve(service);
    if (Files.exists(folder)) {
      throw new UserException(
          "service "
              + service
              + " exists already ("
              + folder
              + "): paasta fsm only writes new services - pick another name");
    }
    SoaConfigsLoader loader = soaDir.open();
    List<String> clusters = List.copyOf(loader.clusters());
    if (clusters.isEmpty()) {
      throw new UserException(
          "no cluster in the soa-configs "
              + root
              + ": fsm writes marathon-<cluster>.yaml for every cluster that an instance file of"
              + " the tree names - add one first");
    }
    Optional<Path> repoDir = Optional.ofNullable(repo).map(p -> p.toAbsolutePath().normalize());
    repoDir.ifPresent(FsmCommand::requireEmpty);
    int port = ProxyPortChoice.first(UsedProxyPorts.in(root));
    String text = description != null ? description : "The " + service + " service.";
    ServiceSkeleton skeleton =
        new ServiceSkeleton(
            service,
            team != null ? team : service,
            text,
            externalLink != null ? externalLink : "http://127.0.0.1:" + port + "/",
            port,
            clusters,
            repoDir.map(d -> "file://" + d),
            repoDir.isPresent());
    List<Path> written = new ArrayList<>();
    if (repoDir.isPresent()) {
      written.addAll(SkeletonWriter.write(repoDir.get(), RepoSkeleton.files(service, text)));
      SkeletonWriter.commitAll(repoDir.get(), "paasta fsm: the " + service + " service");
    }
    written.addAll(SkeletonWriter.write(folder, skeleton.soaFiles()));
    Output out = new Output(spec.commandLine());
    out.line(
        "Wrote "
            + service
            + " (proxy_port "
            + port
            + ", clusters "
            + String.join(", ", clusters)
            + "):");
    written.forEach(path -> out.line("  " + path));
    out.line("Next: paasta validate -s " + service + " -y " + root);
    repoDir.ifPresent(
        d -> out.line("      paasta check -s " + service + " -y " + root + " --repo " + d));
    return 0;
  }

  private static void requireEmpty(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw new UserException("--repo " + dir + " is a file: pass a new or empty directory");
    }
    try (Stream<Path> entries = Files.list(dir)) {
      if (entries.findAny().isPresent()) {
        throw new UserException("--repo " + dir + " is not empty: pass a new or empty directory");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
