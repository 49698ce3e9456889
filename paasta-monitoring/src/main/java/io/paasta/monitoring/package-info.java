/** Monitoring: checks as pure evaluators of observed state, alert routing, and event senders. */
package io.paasta.monitoring;
