package io.paasta.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the command lines whose meaning is plain, for the launcher's paths without picocli: the
 * command first, then options each given at most once, a flag alone ({@code -v}, {@code
 * --verbose}), a value after its option ({@code -y DIR}, {@code --soa-dir DIR}) or after {@code =}
 * for a long one ({@code --soa-dir=DIR}), values that are not empty and start with neither {@code
 * -} nor {@code @}. Anything else (clustered or attached short options, {@code --}, argument files,
 * positional arguments, unknown options) is empty: picocli reads it. This class must not use
 * picocli.
 */
final class PlainArgs {
  private PlainArgs() {}

  /**
   * The options of these arguments by key ({@code "true"} for a flag), or empty.
   *
   * @param flags option name to key, for options without a value
   * @param valued option name to key, for options with a value
   */
  static Optional<Map<String, String>> parse(
      String[] args, String command, Map<String, String> flags, Map<String, String> valued) {
    if (args.length == 0 || !args[0].equals(command)) {
      return Optional.empty();
    }
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      String option = arg;
      String value = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        option = arg.substring(0, equals);
        value = arg.substring(equals + 1);
      }
      String key;
      if (flags.containsKey(option) && value == null) {
        key = flags.get(option);
        value = "true";
      } else if (valued.containsKey(option)) {
        key = valued.get(option);
        if (value == null) {
          if (i + 1 >= args.length) {
            return Optional.empty();
          }
          value = args[++i];
        }
        if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
          return Optional.empty();
        }
      } else {
        return Optional.empty();
      }
      if (options.put(key, value) != null) {
        return Optional.empty();
      }
    }
    return Optional.of(options);
  }
}
