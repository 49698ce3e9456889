package io.paasta.cli.fsm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every {@code proxy_port} written in a {@code smartstack.yaml} of a soa-configs tree, read as text
 * so that a file that does not load (yet) still keeps its ports.
 */
public final class UsedProxyPorts {
  private static final Pattern PROXY_PORT =
      Pattern.compile("^\\s*proxy_port\\s*:\\s*['\"]?(\\d{1,5})", Pattern.MULTILINE);

  private UsedProxyPorts() {}

  public static Set<Integer> in(Path soaRoot) {
    Set<Integer> used = new TreeSet<>();
    try (DirectoryStream<Path> services = Files.newDirectoryStream(soaRoot)) {
      for (Path service : services) {
        Path file = service.resolve("smartstack.yaml");
        if (Files.isRegularFile(file)) {
          used.addAll(of(Files.readString(file)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the soa-configs " + soaRoot, e);
    }
    return used;
  }

  /** The proxy ports written in one smartstack.yaml's text. */
  static Set<Integer> of(String smartstackYaml) {
    Set<Integer> ports = new TreeSet<>();
    Matcher m = PROXY_PORT.matcher(smartstackYaml);
    while (m.find()) {
      ports.add(Integer.parseInt(m.group(1)));
    }
    return ports;
  }
}
