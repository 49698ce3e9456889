package io.paasta.config.yaml;

import java.util.List;
import java.util.Map;

/**
 * One YAML document as constructed, before the reader's checks: its root value, where each dict and
 * list was written (by identity) and the keys written twice, in the order SnakeYAML's constructor
 * meets them. Both readers ({@link LocatingConstructor}, {@link PlainYaml}) make one.
 */
record YamlDocument(
    Object root, Map<Object, Locator.Written> written, List<YamlDocument.DuplicateKey> duplicates) {

  /** A key written twice in one mapping; the last one wins, as in PyYAML. */
  record DuplicateKey(String key, int line) {}
}
