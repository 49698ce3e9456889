package io.paasta.cli.commands;

import io.paasta.cli.UserException;
import io.paasta.cli.check.CheckItem;
import io.paasta.cli.check.GitRemoteCheck;
import io.paasta.cli.check.RepoChecks;
import io.paasta.cli.check.SoaChecks;
import io.paasta.cli.output.Output;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.config.validate.SchemaValidator;
import io.paasta.config.validate.ServiceReport;
import io.paasta.config.validate.SoaValidator;
import io.paasta.deploy.git.GitRemoteClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paasta check}: a service's repository and soa-configs against PaaSTA's contract. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a service's repository (run it in the checkout, or pass --repo) and its"
          + " soa-configs against the contract: Dockerfile with a FROM line; Makefile with"
          + " cook-image, test and itest honouring DOCKER_TAG; deploy.yaml with a pipeline naming"
          + " every instance's deploy group; smartstack.yaml with proxy ports in range and unique;"
          + " monitoring.yaml with a team; service.yaml's git_url, reachable; paasta validate.",
      "Prints each item as passed (\u2713), failed (\u2717, with how to fix it) or a warning (!)."
          + " Exits 1 when any item failed; warnings do not fail."
    })
public final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SoaDirOption soaDir;

  @Mixin ServiceOption service;

  @Mixin JsonOption json;

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description = "The service's git checkout (default: the current directory).")
  Path repo;

  @Option(
      names = "--git-timeout",
      paramLabel = "SECONDS",
      defaultValue = "5",
      description = "How long the git remote may take to answer (default: ${DEFAULT-VALUE}).")
  int gitTimeoutSeconds;

  @Override
  public Integer call() {
    Path repoDir = (repo != null ? repo : Path.of("")).toAbsolutePath().normalize();
    if (!Files.isDirectory(repoDir)) {
      throw new UserException(
          "--repo " + repo + ": no such directory - pass the service's checkout");
    }
    SoaConfigsLoader loader = soaDir.open();
    String name = serviceName(loader, repoDir);
    List<CheckItem> items = new ArrayList<>(RepoChecks.check(repoDir));
    items.addAll(soaItems(loader, name));
    Output out = new Output(spec.commandLine());
    if (json.enabled()) {
      out.json(toJson(name, repoDir, loader, items));
    } else {
      print(name, items, out);
    }
    return items.stream().anyMatch(CheckItem::failed) ? 1 : 0;
  }

  /** -s, else the checkout's folder name when soa-configs has it, else the current directory's. */
  private String serviceName(SoaConfigsLoader loader, Path repoDir) {
    if (service.given() == null && repoDir.getFileName() != null) {
      String fromRepo = repoDir.getFileName().toString();
      if (loader.soaDir().hasService(fromRepo)) {
        return fromRepo;
      }
    }
    return SoaDirOption.serviceOrGuess(service.given(), loader);
  }

  private List<CheckItem> soaItems(SoaConfigsLoader loader, String name) {
    Path root = loader.soaDir().root();
    if (!loader.soaDir().hasService(name)) {
      return List.of(
          CheckItem.failed(
              "soa-configs",
              "no folder " + name + " in the soa-configs " + root,
              "create "
                  + root.resolve(name)
                  + " with service.yaml (paasta fsm writes one), or"
                  + " pass -y with the soa-configs that have it"));
    }
    LoadedService loaded = loader.load(name);
    ServiceReport report =
        new SoaValidator(loader, new SchemaValidator()).validateService(name).services().get(0);
    List<CheckItem> items = new ArrayList<>();
    items.add(CheckItem.passed("soa-configs", "soa-configs has " + name + " (" + root + ")"));
    for (CheckItem item : SoaChecks.check(loaded, report, root.resolve(name))) {
      items.add(item);
      if (item.check().equals("git_url")) {
        items.add(remote().check(loaded.service().config().gitUrl()));
      }
    }
    return items;
  }

  private GitRemoteCheck remote() {
    return new GitRemoteCheck(
        new GitRemoteClient(
            GitRemoteClient.defaultCacheDir(), Duration.ofSeconds(Math.max(1, gitTimeoutSeconds))));
  }

  private static void print(String name, List<CheckItem> items, Output out) {
    for (CheckItem item : items) {
      String text = Output.escape(item.message());
      switch (item.status()) {
        case PASSED -> out.styled("@|green \u2713|@ " + text);
        case WARNING -> out.styled("@|yellow ! " + text + "|@");
        case FAILED -> out.styled("@|red,bold \u2717|@ " + text);
      }
      if (!item.hint().isEmpty()) {
        out.line("    fix: " + item.hint());
      }
    }
    long failed = count(items, CheckItem.Status.FAILED);
    long warnings = count(items, CheckItem.Status.WARNING);
    String summary =
        name
            + ": "
            + items.size()
            + " checks, "
            + count(items, CheckItem.Status.PASSED)
            + " passed, "
            + failed
            + " failed, "
            + warnings
            + " warning"
            + (warnings == 1 ? "" : "s");
    out.styled(failed == 0 ? "@|green " + summary + "|@" : "@|red,bold " + summary + "|@");
  }

  private static long count(List<CheckItem> items, CheckItem.Status status) {
    return items.stream().filter(i -> i.status() == status).count();
  }

  private static Map<String, Object> toJson(
      String name, Path repoDir, SoaConfigsLoader loader, List<CheckItem> items) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("service", name);
    json.put("repo", repoDir.toString());
    json.put("soa_dir", loader.soaDir().root().toString());
    json.put("passed", items.stream().noneMatch(CheckItem::failed));
    json.put("failed", count(items, CheckItem.Status.FAILED));
    json.put("warnings", count(items, CheckItem.Status.WARNING));
    json.put(
        "items",
        items.stream()
            .map(
                i -> {
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("check", i.check());
                  entry.put("status", i.status().name().toLowerCase(Locale.ROOT));
                  entry.put("message", i.message());
                  entry.put("hint", i.hint().isEmpty() ? null : i.hint());
                  return entry;
                })
            .toList());
    return json;
  }
}
