package io.paasta.planning.jobs;

import io.paasta.model.InstanceRef;
import io.paasta.planning.app.RunSpec;
import java.time.Instant;

/**
 * One attempt of a run to start: the job's run spec with its {@code cmd}'s time variables already
 * filled from the execution date (no ports, no health check).
 */
public record JobLaunch(
    InstanceRef job, long runId, int attempt, Instant executionDate, RunSpec spec) {}
