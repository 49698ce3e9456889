package io.paasta.model;

import java.util.regex.Pattern;

/** The naming rules of soa-configs. */
public final class Names {
  /** Instance, namespace and service names: lowercase letters, digits, '-' and '_'. */
  public static final Pattern NAME = Pattern.compile("^[a-z0-9]([a-z0-9_-]*[a-z0-9])?$");

  /** What a valid name looks like, for error messages. */
  public static final String NAME_RULE =
      "lowercase letters, digits, '-' and '_', starting and ending with a letter or digit";

  private Names() {}

  public static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /** A top-level key starting with '_' is a template (for YAML anchors), never an instance. */
  public static boolean isTemplate(String key) {
    return key.startsWith("_");
  }
}
