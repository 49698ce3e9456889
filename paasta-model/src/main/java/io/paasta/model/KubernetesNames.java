package io.paasta.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Kubernetes names as PaaSTA wrote them: lower case, every {@code _} written {@code --}, and a name
 * longer than the limit cut and given a hash suffix ({@code -<8 hex of md5 of the whole name>}), so
 * that two long names that differ only past the cut stay distinct.
 */
public final class KubernetesNames {
  /** Object names (DNS-1123 labels) and label values are at most 63 characters. */
  public static final int MAX_NAME = 63;

  /** A CronJob's name leaves 11 characters for the Job names Kubernetes derives from it. */
  public static final int MAX_CRONJOB_NAME = 52;

  private static final int HASH_HEX = 8;
  private static final Pattern LABEL_VALUE =
      Pattern.compile("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$");

  private KubernetesNames() {}

  /** {@code <service>-<instance>} sanitised: the Deployment's (and PDB's, HPA's) name. */
  public static String objectName(String service, String instance) {
    return sanitise(service + "-" + instance, MAX_NAME);
  }

  /** Lower case, {@code _} as {@code --}, at most {@code limit} characters (hash suffix). */
  public static String sanitise(String name, int limit) {
    return limit(name.toLowerCase(Locale.ROOT).replace("_", "--"), limit);
  }

  /** The name as is when it fits, else cut and given {@code -<hash8>}. */
  public static String limit(String name, int limit) {
    if (name.length() <= limit) {
      return name;
    }
    String head = name.substring(0, limit - HASH_HEX - 1);
    while (head.endsWith("-") || head.endsWith(".") || head.endsWith("_")) {
      head = head.substring(0, head.length() - 1);
    }
    return head + "-" + md5Hex(name).substring(0, HASH_HEX);
  }

  /**
   * A label value: as is when Kubernetes takes it (soa-configs names always fit), else sanitised
   * and limited like a name.
   */
  public static String labelValue(String value) {
    if (value.length() <= MAX_NAME && LABEL_VALUE.matcher(value).matches()) {
      return value;
    }
    String cleaned = value.replaceAll("[^-A-Za-z0-9_.]", "-");
    String limited = limit(cleaned, MAX_NAME);
    return limited.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
  }

  public static String md5Hex(String text) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }
}
