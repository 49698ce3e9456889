package io.paasta.planning.jobs;

import io.paasta.planning.app.RunSpec;

/**
 * What every attempt of a job runs while its config and deployment stay as they are: the run spec
 * with the {@code cmd} as written (time variables not filled in yet: the scheduler fills them from
 * each run's execution date when it starts an attempt), and the sha and config hash its runs
 * record.
 */
public record JobTemplate(String gitSha, String configHash, RunSpec spec) {}
