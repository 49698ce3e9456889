package io.paasta.backend.kubernetes.logs;

import io.paasta.model.InstanceRef;

/**
 * One run of one container of a pod: {@code containerId} is the runtime's id ({@code
 * containerd://...}), new at each restart, and the task id the sink remembers positions by.
 *
 * @param previous the run ended before it was seen (read once with {@code previous=true})
 */
record ContainerKey(
    InstanceRef ref,
    String namespace,
    String pod,
    String container,
    String containerId,
    boolean previous) {}
