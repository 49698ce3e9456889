package io.paasta.server.deployments;

import io.paasta.config.ConfigException;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.deploy.DeployException;
import io.paasta.deploy.git.DeploymentsGenerator;
import io.paasta.deploy.git.DeploymentsWriter;
import io.paasta.server.DaemonLog;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps every service's deployments.json in step with its repository's tags (what PaaSTA ran from
 * cron): one round reads each service's tags and rewrites deployments.json when they changed. The
 * soa-configs watcher then starts the passes of the instances concerned. A repository that does not
 * answer is reported once, not every round. It works from each service's last good config (as the
 * daemon acts on it), never from files with problems: a broken or half-written instance file never
 * rewrites deployments.json (with its deploy groups missing, that would undeploy the service once
 * the file is fixed).
 */
public final class DeploymentsPoller {
  private final SoaConfigsLoader loader;
  private final Function<String, Optional<LoadedService>> lastGood;
  private final DeploymentsGenerator generator;
  private final DaemonLog log;
  private final Map<String, String> lastProblem = new ConcurrentHashMap<>();
  private java.util.Optional<LocalRepoWatcher> repoWatcher = java.util.Optional.empty();
  private volatile java.util.function.Consumer<String> onWritten = service -> {};

  /** Also learn of new tags of repositories on this machine as they are written. */
  public void watchLocalRepositories(LocalRepoWatcher watcher) {
    this.repoWatcher = java.util.Optional.of(watcher);
  }

  /**
   * Tells {@code listener} of each service whose deployments.json was just rewritten, so that its
   * instances get a pass at once rather than when the soa-configs watcher sees the file.
   */
  public void onDeploymentsWritten(java.util.function.Consumer<String> listener) {
    this.onWritten = listener;
  }

  /**
   * @param lastGood a service's last good config (empty for a service never loaded without
   *     problems, which gets no deployments.json until it is)
   */
  public DeploymentsPoller(
      SoaConfigsLoader loader,
      Function<String, Optional<LoadedService>> lastGood,
      DeploymentsGenerator generator,
      DaemonLog log) {
    this.loader = loader;
    this.lastGood = lastGood;
    this.generator = generator;
    this.log = log;
  }

  /** One round over every service that has a git_url. */
  public void pollOnce() {
    for (String service : loader.listServices().services()) {
      poll(service);
    }
  }

  /** Reads one service's tags now (its repository's tags just changed). */
  public void poll(String service) {
    try {
      Optional<LoadedService> good = lastGood.apply(service);
      if (good.isEmpty() || good.get().service().config().gitUrl().isEmpty()) {
        return;
      }
      LoadedService loaded = good.get();
      repoWatcher.ifPresent(w -> w.watch(service, loaded.service().config().gitUrl().get()));
      DeploymentsGenerator.Result result =
          generator.generate(loaded, loader.soaDir().serviceDir(service));
      if (lastProblem.remove(service) != null) {
        log.info(service, "its repository answers again");
      }
      if (result.outcome() == DeploymentsWriter.Outcome.WRITTEN) {
        log.info(
            service,
            "deployments.json updated from git tags ("
                + result.file().v2().deployments().size()
                + " deploy groups)");
        onWritten.accept(service);
      }
    } catch (DeployException | ConfigException e) {
      String message = e.getMessage();
      if (!message.equals(lastProblem.put(service, message))) {
        log.warn(service, "cannot update deployments.json: " + message);
      }
    }
  }
}
