package io.paasta.server.events;

import io.paasta.model.InstanceRef;
import io.paasta.planning.jobs.JobRun;
import io.paasta.planning.jobs.JobRunStore;
import java.util.List;
import java.util.Set;

/**
 * The job run store, telling the {@link ChangeFeed} of each job whose runs it records (a run
 * created, started, retried, finished; a job forgotten).
 */
public final class JobChanges implements JobRunStore {
  private final JobRunStore store;
  private final ChangeFeed feed;

  public JobChanges(JobRunStore store, ChangeFeed feed) {
    this.store = store;
    this.feed = feed;
  }

  @Override
  public JobRun create(JobRun run) {
    JobRun created = store.create(run);
    feed.jobChanged(run.job());
    return created;
  }

  @Override
  public void update(JobRun run) {
    store.update(run);
    feed.jobChanged(run.job());
  }

  @Override
  public List<JobRun> recent(InstanceRef job, int limit) {
    return store.recent(job, limit);
  }

  @Override
  public List<JobRun> running() {
    return store.running();
  }

  @Override
  public Set<InstanceRef> jobs() {
    return store.jobs();
  }

  @Override
  public void forget(InstanceRef job) {
    store.forget(job);
    feed.jobChanged(job);
  }
}
