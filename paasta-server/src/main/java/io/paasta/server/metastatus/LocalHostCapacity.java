package io.paasta.server.metastatus;

import io.paasta.model.ContainerConfig;
import io.paasta.planning.capacity.Resources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one host of the local backend: the machine the daemon (and its Docker engine) runs on, its
 * processors and physical memory as the JVM sees them, and the size of the file system that holds
 * {@code diskOf}.
 */
public final class LocalHostCapacity implements HostCapacity {
  private static final double MB = 1024 * 1024;

  private final Path diskOf;

  /**
   * @param diskOf a directory on the file system whose size is the host's disk
   */
  public LocalHostCapacity(Path diskOf) {
    this.diskOf = diskOf;
  }

  @Override
  public List<Host> hosts() {
    return List.of(new Host(hostname(), ContainerConfig.DEFAULT_POOL, total()));
  }

  private Resources total() {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try {
      return new Resources(
          Runtime.getRuntime().availableProcessors(),
          os.getTotalMemorySize() / MB,
          Files.getFileStore(diskOf).getTotalSpace() / MB);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of the disk holding " + diskOf, e);
    }
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
