package io.paasta.discovery.haproxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The services file of SmartStack: where each routed namespace is reachable on this host, {@code
 * {"svc.ns": {"host": "127.0.0.1", "port": proxy_port}}}. Written atomically (a temporary file in
 * the same directory, then a rename), so readers never see half a file.
 */
public final class ServicesFile {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ServicesFile() {}

  public static String render(Map<String, Integer> portsByNamespace) {
    Map<String, Map<String, Object>> services = new TreeMap<>();
    portsByNamespace.forEach(
        (namespace, port) -> {
          Map<String, Object> where = new LinkedHashMap<>();
          where.put("host", "127.0.0.1");
          where.put("port", port);
          services.put(namespace, where);
        });
    try {
      return JSON.writeValueAsString(services) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the file unless it already holds exactly this content. */
  public static void write(Path file, Map<String, Integer> portsByNamespace) throws IOException {
    String text = render(portsByNamespace);
    if (Files.exists(file) && Files.readString(file).equals(text)) {
      return;
    }
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temporary = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    try {
      Files.writeString(temporary, text);
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
