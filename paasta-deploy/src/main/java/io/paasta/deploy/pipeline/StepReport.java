package io.paasta.deploy.pipeline;

import java.time.Duration;

/** One step that ran: its name, how it ended, and how long it took. */
public record StepReport(String step, StepResult result, Duration took) {}
