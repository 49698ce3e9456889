package io.paasta.backend.kubernetes.render;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.paasta.model.KubernetesNames;

/**
 * The {@code config_sha} label: {@code config} + the first 8 hex of the md5 of the pod template
 * (JSON; replicas are not in it) followed by the app's config hash. The app's hash (SPEC section 4)
 * covers the referenced secrets' signatures and {@code force_bounce}, so a changed secret or a
 * {@code paasta restart} rolls the pods as on the local backend; instance counts are in neither.
 */
final class ConfigSha {
  private static final int SHORT = 8;

  private ConfigSha() {}

  static String of(PodTemplateSpec template, String appConfigHash) {
    String json = Serialization.asJson(template);
    return "config" + KubernetesNames.md5Hex(json + appConfigHash).substring(0, SHORT);
  }
}
