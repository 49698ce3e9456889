package io.paasta.discovery.zk;

import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.zookeeper.server.NIOServerCnxnFactory;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;
import org.apache.zookeeper.server.persistence.FileTxnSnapLog;

/**
 * A standalone ZooKeeper server in this JVM (ZooKeeper's own server classes, NIO), for a
 * one-machine install that configures no {@code zookeeper}. It listens on 127.0.0.1 only and keeps
 * its data (snapshots and transaction log) in a directory, so registrations and sessions survive a
 * restart.
 */
public final class EmbeddedZooKeeper implements Closeable {
  /** ZooKeeper's default tick; sessions may last 2 to 20 ticks. */
  public static final int TICK_MS = 2000;

  private static final int MAX_CONNECTIONS_PER_CLIENT = 0; // unlimited: all clients are local

  private final Path dataDir;
  private final FileTxnSnapLog files;
  private final ZooKeeperServer server;
  private final ServerCnxnFactory connections;

  private EmbeddedZooKeeper(
      Path dataDir, FileTxnSnapLog files, ZooKeeperServer server, ServerCnxnFactory connections) {
    this.dataDir = dataDir;
    this.files = files;
    this.server = server;
    this.connections = connections;
  }

  /**
   * Starts a server on {@code 127.0.0.1:<port>} with its data under {@code dataDir} (created if
   * missing).
   *
   * @param port the client port; 0 picks a free one (see {@link #port()})
   * @throws IOException with a message saying so when the port is taken or the directory unusable
   */
  public static EmbeddedZooKeeper start(Path dataDir, int port) throws IOException {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("embedded ZooKeeper port must be 0-65535, not " + port);
    }
    InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
    FileTxnSnapLog files = files(dataDir);
    ZooKeeperServer server = null;
    ServerCnxnFactory connections = new NIOServerCnxnFactory();
    try {
      connections.configure(address, MAX_CONNECTIONS_PER_CLIENT);
      server = new ZooKeeperServer(files, TICK_MS, "");
      connections.startup(server);
      return new EmbeddedZooKeeper(dataDir, files, server, connections);
    } catch (BindException e) {
      files.close();
      throw new IOException(
          "embedded ZooKeeper cannot listen on 127.0.0.1:"
              + port
              + ": the port is taken (another ZooKeeper or another program); choose another port,"
              + " or set the system config key 'zookeeper' to zk://127.0.0.1:"
              + port
              + " to use the server that is there",
          e);
    } catch (IOException | InterruptedException | RuntimeException | LinkageError e) {
      connections.shutdown();
      files.close();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IOException(
          "embedded ZooKeeper did not start on 127.0.0.1:"
              + port
              + " with data in "
              + dataDir
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static FileTxnSnapLog files(Path dataDir) throws IOException {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new IOException(
          "embedded ZooKeeper cannot use data directory " + dataDir + ": " + e.getMessage(), e);
    }
    if (!Files.isWritable(dataDir)) {
      throw new IOException("embedded ZooKeeper data directory " + dataDir + " is not writable");
    }
    return new FileTxnSnapLog(dataDir.toFile(), dataDir.toFile());
  }

  /** The port clients connect to. */
  public int port() {
    return connections.getLocalPort();
  }

  /** This server as a ZooKeeper address ({@code zk://127.0.0.1:<port>}). */
  public ZooKeeperAddress address() {
    return ZooKeeperAddress.loopback(port());
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Stops serving, closes every client connection and closes the data files. */
  @Override
  public void close() throws IOException {
    connections.shutdown();
    if (server.isRunning()) {
      server.shutdown();
    }
    files.close();
  }
}
