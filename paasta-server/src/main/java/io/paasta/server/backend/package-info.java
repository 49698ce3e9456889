/**
 * Where a backend plugs into the daemon. A backend is an {@link io.paasta.planning.backend.Backend}
 * (the port the loop reads observed state from and hands plans to), started by a {@link
 * io.paasta.server.backend.BackendFactory} with the daemon's {@link
 * io.paasta.planning.backend.BackendPorts} (the discovery drain, the OOM-kill sink). To add one
 * (Kubernetes): implement {@code Backend} in a module of its own, add its factory, and give it a
 * name in {@link io.paasta.server.backend.Backends#named}; this package is the only part of the
 * server that knows a concrete backend, and {@code PaastaDaemon}'s loop does not change.
 * Run-to-completion work (scheduled jobs) is a second kind of instance the same loop passes: its
 * planning is the planner's, its side effects a {@link io.paasta.server.loop.PassParticipant}'s.
 */
package io.paasta.server.backend;
