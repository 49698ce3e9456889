package io.paasta.config.validate;

import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.config.soa.SoaDir;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The smartstack.yaml texts of every service but one, for validating that one: its proxy ports are
 * compared with every other service's, and most other files can be dropped unparsed ({@link
 * ProxyPortPrefilter}). Listing the tree and reading the texts start on a second thread as soon as
 * this is made, while the caller checks its service; when the caller asks for the result it reads
 * what is left alongside, so both cores share the reading.
 */
final class OtherSmartstacks {
  /** Services claimed at a time by a reading thread. */
  private static final int CHUNK = 16;

  private static final String SMARTSTACK = "smartstack.yaml";

  private final SoaConfigsLoader loader;
  private final Path root;
  private final String service;
  private final CompletableFuture<SoaDir.Listing> listing;
  private final CompletableFuture<Void> backgroundReading;
  private final AtomicInteger nextToRead = new AtomicInteger();
  private List<String> others;
  private boolean[] present;
  private String[] texts;

  private OtherSmartstacks(SoaConfigsLoader loader, String service) {
    this.loader = loader;
    this.root = loader.soaDir().root();
    this.service = service;
    this.listing = CompletableFuture.supplyAsync(this::list);
    this.backgroundReading = listing.thenRun(this::readUntilDone);
  }

  /** Starts listing the tree and reading every other service's smartstack.yaml. */
  static OtherSmartstacks startReading(SoaConfigsLoader loader, String service) {
    return new OtherSmartstacks(loader, service);
  }

  /**
   * The tree's listing, as {@link SoaConfigsLoader#listServices} gives it (its failure thrown as
   * that call throws it).
   */
  SoaDir.Listing listing() {
    return join(listing);
  }

  /**
   * The other services whose smartstack.yaml could define one of these ports, in the listing's
   * order: those whose text holds one of them or writes a port unusually, and those whose file
   * could not be read as text (the parser says what it holds). Services without the file are left
   * out: they define no port.
   */
  List<String> mightUse(Set<Integer> ports) {
    listing();
    if (ports.isEmpty()) {
      nextToRead.set(Integer.MAX_VALUE); // nothing to compare: the second thread stops
      return List.of();
    }
    readUntilDone();
    join(backgroundReading);
    List<String> candidates = new ArrayList<>();
    for (int i = 0; i < others.size(); i++) {
      if (present[i] && ProxyPortPrefilter.mightUse(texts[i], ports)) {
        candidates.add(others.get(i));
      }
    }
    return candidates;
  }

  /** The future's value; what failed it thrown as the work itself threw it. */
  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private SoaDir.Listing list() {
    SoaDir.Listing listed = loader.listServices();
    others = listed.services().stream().filter(other -> !other.equals(service)).toList();
    present = new boolean[others.size()];
    texts = new String[others.size()];
    return listed;
  }

  /** Reads the texts of services not yet claimed by either thread, a chunk at a time. */
  private void readUntilDone() {
    int size = others.size();
    for (int from = nextToRead.getAndAdd(CHUNK);
        from >= 0 && from < size;
        from = nextToRead.getAndAdd(CHUNK)) {
      for (int i = from; i < Math.min(from + CHUNK, size); i++) {
        File file = root.resolve(others.get(i)).resolve(SMARTSTACK).toFile();
        // a regular file (links followed): its text decides; where it leads is checked when it
        // is parsed (SoaConfigsLoader.namespacesOf), which a file out of the tree never passes
        if (file.isFile()) {
          present[i] = true;
          texts[i] = ProxyPortPrefilter.textOf(file.toPath());
        }
      }
    }
  }
}
