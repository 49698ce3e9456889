package io.paasta.discovery.registration;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.nodes.PersistentNode;
import org.apache.zookeeper.CreateMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ephemeral nodes that exist on behalf of the registrar, one {@link PersistentNode} per path.
 * Used by one thread only. Removing a node deletes it in ZooKeeper, which waits for a connection.
 */
final class RegistrationNodes {
  private static final Logger LOG = LoggerFactory.getLogger(RegistrationNodes.class);

  private final CuratorFramework client;
  private final Map<String, PersistentNode> nodes = new HashMap<>();

  RegistrationNodes(CuratorFramework client) {
    this.client = client;
  }

  /** Brings the nodes in line with the target: removes, then rewrites, then creates. */
  void reconcile(Map<String, Registration> target) {
    Iterator<Map.Entry<String, PersistentNode>> it = nodes.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, PersistentNode> entry = it.next();
      Registration wanted = target.get(entry.getKey());
      if (wanted == null) {
        closeQuietly(entry.getKey(), entry.getValue());
        it.remove();
      } else if (!Arrays.equals(wanted.data(), entry.getValue().getData())) {
        rewrite(entry, wanted);
      }
    }
    target.forEach(
        (path, registration) -> {
          if (!nodes.containsKey(path)) {
            nodes.put(path, start(registration));
          }
        });
  }

  private void rewrite(Map.Entry<String, PersistentNode> entry, Registration wanted) {
    PersistentNode node = entry.getValue();
    if (node.getActualPath() != null) {
      try {
        node.setData(wanted.data());
        LOG.info("updated registration {} -> {}", entry.getKey(), wanted.endpoint());
        return;
      } catch (Exception e) {
        LOG.warn("could not update registration {}; creating it anew", entry.getKey(), e);
      }
    }
    closeQuietly(entry.getKey(), node);
    entry.setValue(start(wanted));
  }

  private PersistentNode start(Registration registration) {
    PersistentNode node =
        new PersistentNode(
            client, CreateMode.EPHEMERAL, false, registration.path(), registration.data());
    node.start();
    LOG.info("registered {} -> {}", registration.path(), registration.endpoint());
    return node;
  }

  private static void closeQuietly(String path, PersistentNode node) {
    try {
      node.close();
      LOG.info("deregistered {}", path);
    } catch (IOException e) {
      LOG.warn("could not delete registration {}; it goes away with the session", path, e);
    }
  }
}
