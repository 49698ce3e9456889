package io.paasta.deploy.git;

import io.paasta.deploy.DeployException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jgit.api.errors.GitAPIException;

/** Remote git calls with a hard deadline. */
final class RemoteDeadline {
  private RemoteDeadline() {}

  /**
   * Runs a remote call with a hard deadline. JGit's own timeout interrupts a blocked read, which
   * does not unblock a socket read on current JDKs (git:// to a silent server would hang forever);
   * so the call runs on a daemon thread that is abandoned when the deadline passes.
   */
  static <T> T run(Duration timeout, String url, Callable<T> call)
      throws GitAPIException, IOException {
    FutureTask<T> task = new FutureTask<>(call);
    Thread worker = new Thread(task, "git-remote " + url);
    worker.setDaemon(true);
    worker.start();
    try {
      return task.get(timeout.toMillis() + DEADLINE_SLACK.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      throw new DeployException(
          "cannot reach the git repository "
              + url
              + " (no answer within "
              + timeout.toSeconds()
              + " s) - check the URL (service.yaml git_url or -u) and that the server is up");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeployException("interrupted while talking to " + url, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof GitAPIException g) {
        throw g;
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new DeployException("git failed on " + url + ": " + cause, cause);
    }
  }

  /** Time beyond the timeout that a call may take (connection set-up, local work). */
  static final Duration DEADLINE_SLACK = Duration.ofSeconds(2);
}
