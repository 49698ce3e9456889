package io.paasta.backend.kubernetes.render;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.paasta.model.KubernetesNames;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.NamespaceConfig;
import io.paasta.model.ServiceInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Discovery on Kubernetes: a Service per SmartStack namespace with a {@code proxy_port}, selecting
 * the pods registered in it (label {@code registrations.paasta.yelp.com/<service.namespace>=true}),
 * port {@code proxy_port} to each pod's {@code container_port} (the named container port, so that
 * instances with different container ports can share a namespace). Its name is {@code
 * <service>-<namespace>} sanitised, so callers in the cluster reach {@code
 * <service>-<namespace>.<k8s namespace>:<proxy_port>}.
 */
final class SmartStackServices {
  private SmartStackServices() {}

  /** The registration labels of the instance's pods, one per namespace in registrations. */
  static Map<String, String> registrationLabels(LongRunningConfig config) {
    Map<String, String> labels = new TreeMap<>();
    for (ServiceInstance namespace : config.registrations()) {
      labels.put(ObjectLabels.registration(namespace.toString()), "true");
    }
    return labels;
  }

  /**
   * The Services for the namespaces of the instance's own service that it registers in and that
   * have a proxy_port, in registrations order.
   */
  static List<Service> of(
      LongRunningConfig config, Map<String, NamespaceConfig> namespaces, String k8sNamespace) {
    List<Service> services = new ArrayList<>();
    String service = config.ref().service();
    for (ServiceInstance registration : config.registrations()) {
      NamespaceConfig namespace = namespaces.get(registration.instance());
      if (!registration.service().equals(service)
          || namespace == null
          || namespace.proxyPort().isEmpty()) {
        continue;
      }
      services.add(service(registration, namespace.proxyPort().getAsInt(), k8sNamespace));
    }
    return services;
  }

  static String serviceName(ServiceInstance namespace) {
    return KubernetesNames.sanitise(
        namespace.service() + "-" + namespace.instance(), KubernetesNames.MAX_NAME);
  }

  private static Service service(ServiceInstance namespace, int proxyPort, String k8sNamespace) {
    Map<String, String> labels = new TreeMap<>(ObjectLabels.managed());
    labels.put(ObjectLabels.SERVICE, KubernetesNames.labelValue(namespace.service()));
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(serviceName(namespace))
        .withNamespace(k8sNamespace)
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withSelector(Map.of(ObjectLabels.registration(namespace.toString()), "true"))
        .addNewPort()
        .withName("proxy")
        .withProtocol("TCP")
        .withPort(proxyPort)
        .withTargetPort(new IntOrString(PodTemplates.PORT_NAME))
        .endPort()
        .endSpec()
        .build();
  }
}
