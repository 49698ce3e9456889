/**
 * Monitoring: checks as pure evaluators of observed state, alert routing, and event senders.
 *
 * <ul>
 *   <li>{@code check}: what each check says about an {@link
 *       io.paasta.monitoring.check.InstanceSnapshot} or {@link
 *       io.paasta.monitoring.check.JobSnapshot} (pure, no clock, no I/O);
 *   <li>{@code alert}: when a result becomes an event (alert_after, realert_every, check_every,
 *       resolution) and what the event holds (SPEC section 8), routed by the resolved monitoring
 *       config;
 *   <li>{@code send}: where events go (Sensu client socket, webhook, the daemon's log), each sender
 *       behind its own bounded queue and thread;
 *   <li>this package: {@link io.paasta.monitoring.MonitoringRunner}, what the daemon calls, and the
 *       check meters.
 * </ul>
 */
package io.paasta.monitoring;
