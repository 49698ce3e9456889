package io.paasta.config.soa;

import io.paasta.model.InstanceRef;
import java.util.Optional;

/**
 * Fills the placeholders {@code {cluster}}, {@code {instance}} and {@code {service}} of a {@code
 * deploy_group}, as Python's {@code str.format} did ({@code {{} and {@code }}} are literal braces).
 */
public final class DeployGroupTemplate {
  private DeployGroupTemplate() {}

  /** The filled-in group, or the unknown placeholder's problem. */
  public sealed interface Result permits Filled, Invalid {}

  public record Filled(String deployGroup) implements Result {}

  public record Invalid(String reason) implements Result {}

  public static Result fill(String template, InstanceRef ref) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '{' && template.startsWith("{{", i)) {
        out.append('{');
        i += 2;
      } else if (c == '}' && template.startsWith("}}", i)) {
        out.append('}');
        i += 2;
      } else if (c == '{') {
        int close = template.indexOf('}', i);
        if (close < 0) {
          return new Invalid("has an unclosed '{'");
        }
        String name = template.substring(i + 1, close);
        Optional<String> value = placeholder(name, ref);
        if (value.isEmpty()) {
          return new Invalid("has an unknown placeholder {" + name + "}");
        }
        out.append(value.get());
        i = close + 1;
      } else if (c == '}') {
        return new Invalid("has an unmatched '}'");
      } else {
        out.append(c);
        i++;
      }
    }
    return new Filled(out.toString());
  }

  private static Optional<String> placeholder(String name, InstanceRef ref) {
    return switch (name) {
      case "cluster" -> Optional.of(ref.cluster());
      case "instance" -> Optional.of(ref.instance());
      case "service" -> Optional.of(ref.service());
      default -> Optional.empty();
    };
  }
}
