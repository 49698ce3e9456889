package io.paasta.config.validate;

import io.paasta.config.yaml.ConfigFileReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides, from a smartstack.yaml's text alone, whether it could define one of a set of proxy
 * ports, so that validating one service need not parse every other service's file. A file can only
 * define port N if its text holds N's digits, unless the number is written another way (hex, octal,
 * with '_' separators, or through an alias): such files are always parsed.
 */
final class ProxyPortPrefilter {
  private static final Pattern UNUSUAL_NUMBER =
      Pattern.compile(
          "proxy_port\\s*+:\\s*+(?![1-9]\\d*\\s*(#.*)?$|null\\s*$|~\\s*$)", Pattern.MULTILINE);
  private static final Pattern MERGE_OR_ALIAS = Pattern.compile("<<|\\*[A-Za-z0-9_-]");

  private ProxyPortPrefilter() {}

  static boolean mightUse(Path smartstackYaml, Set<Integer> ports) {
    String text;
    try {
      if (Files.size(smartstackYaml) > ConfigFileReader.MAX_FILE_BYTES) {
        return true; // the parser refuses it without reading it
      }
      // one char a byte: digits and the patterns below are ASCII, found the same way in UTF-8
      // text, and a file that is not UTF-8 fails to parse (no namespaces) whether read or not
      text = new String(Files.readAllBytes(smartstackYaml), StandardCharsets.ISO_8859_1);
    } catch (IOException | java.io.UncheckedIOException e) {
      return true; // let the parser report it
    }
    for (int port : ports) {
      if (text.contains(Integer.toString(port))) {
        return true;
      }
    }
    return UNUSUAL_NUMBER.matcher(text).find() || MERGE_OR_ALIAS.matcher(text).find();
  }
}
