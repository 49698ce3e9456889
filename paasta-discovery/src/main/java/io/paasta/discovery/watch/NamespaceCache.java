package io.paasta.discovery.watch;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;

/**
 * One watched namespace: a {@link CuratorCache} of its registration nodes that calls back on every
 * change, and knows whether its first read has completed.
 */
final class NamespaceCache {
  private final NamespaceDiscovery discovery;
  private final CuratorCache cache;
  private volatile boolean initialized;

  private NamespaceCache(NamespaceDiscovery discovery, CuratorCache cache) {
    this.discovery = discovery;
    this.cache = cache;
  }

  /** Starts watching; {@code changed} runs (on a Curator thread) after every change. */
  static NamespaceCache start(
      CuratorFramework client, NamespaceDiscovery discovery, Runnable changed) {
    NamespaceCache result =
        new NamespaceCache(discovery, CuratorCache.build(client, discovery.path()));
    result
        .cache
        .listenable()
        .addListener(
            new CuratorCacheListener() {
              @Override
              public void event(Type type, ChildData oldData, ChildData data) {
                if (result.initialized) {
                  changed.run();
                }
              }

              @Override
              public void initialized() {
                result.initialized = true;
                changed.run();
              }
            });
    result.cache.start();
    return result;
  }

  NamespaceDiscovery discovery() {
    return discovery;
  }

  /** What the cache holds, once its first read has completed. */
  Optional<EndpointSnapshot.NamespaceNodes> nodes() {
    if (!initialized) {
      return Optional.empty();
    }
    Map<String, byte[]> nodes = new HashMap<>();
    cache.stream()
        .forEach(
            child ->
                nodes.put(
                    child.getPath(), child.getData() == null ? new byte[0] : child.getData()));
    return Optional.of(new EndpointSnapshot.NamespaceNodes(discovery.path(), nodes));
  }

  void close() {
    cache.close();
  }
}
