package io.paasta.cli.deploywait;

import io.paasta.cli.api.ApiEndpoints;
import io.paasta.cli.api.ApiException;
import io.paasta.cli.api.InstanceStatus;
import io.paasta.cli.api.InstanceTarget;

/** Where a deploy wait reads an instance's status; throws {@link ApiException} when it cannot. */
@FunctionalInterface
public interface StatusSource {
  InstanceStatus status(InstanceTarget target);

  /** The status endpoint of each instance's cluster API. */
  static StatusSource of(ApiEndpoints endpoints) {
    return target -> endpoints.client(target.cluster()).status(target.service(), target.instance());
  }
}
