package io.paasta.config.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The prefilter's scan finds what its two patterns find (the patterns it replaced, kept here as the
 * reference), on a table of texts and on every combination of their parts.
 */
class ProxyPortPrefilterTest {
  private static final Pattern UNUSUAL_NUMBER =
      Pattern.compile(
          "proxy_port\\s*+:\\s*+(?![1-9]\\d*\\s*(#.*)?$|null\\s*$|~\\s*$)", Pattern.MULTILINE);
  private static final Pattern MERGE_OR_ALIAS = Pattern.compile("<<|\\*[A-Za-z0-9_-]");

  private static final List<String> TEXTS =
      List.of(
          "main:\n  proxy_port: 20041\n  mode: http\n",
          "main:\n  proxy_port: 20041 # the port\n",
          "main:\n  proxy_port: 20041  \r\n",
          "main:\n  proxy_port: 0x4E29\n",
          "main:\n  proxy_port: 020041\n",
          "main:\n  proxy_port: 20_041\n",
          "main:\n  proxy_port: null\n",
          "main:\n  proxy_port: null # discovery only\n",
          "main:\n  proxy_port: ~\n",
          "main:\n  proxy_port: ~x\n",
          "main:\n  proxy_port:\n    20041\n",
          "main:\n  proxy_port : 20041",
          "main:\n  proxy_port: *port\n",
          "main:\n  proxy_port: '20041'\n",
          "main:\n  proxy_port: 20041x\n",
          "main:\n  proxy_port: 2.5\n",
          "main:\n  proxy_port: -1\n",
          "main:\n  proxy_port: 1\u0085",
          "main:\n  proxy_port: 1\u0085x",
          "main:\n  <<: *defaults\n",
          "main:\n  cmd: echo '*'\n",
          "main:\n  cmd: a * b\n",
          "main:\n  my_proxy_port: 7\n",
          "main:\n  proxy_port\n",
          "proxy_port:",
          "proxy_port",
          "",
          "*",
          "*-");

  private static final List<String> PARTS =
      List.of(
          "proxy_port",
          ":",
          " ",
          "\t",
          "\n",
          "\r",
          "\u000B",
          "\f",
          "1",
          "0",
          "20041",
          "null",
          "~",
          "#",
          "x",
          "*",
          "<",
          "_");

  @Test
  void theScanFindsWhatThePatternsFind() {
    for (String text : TEXTS) {
      assertThat(ProxyPortPrefilter.unusual(text)).as(text).isEqualTo(reference(text));
    }
  }

  @Test
  void everyShortCombinationOfTheParts() {
    List<String> texts = new ArrayList<>(List.of(""));
    for (int length = 1; length <= 4; length++) {
      List<String> longer = new ArrayList<>();
      for (String text : texts) {
        for (String part : PARTS) {
          longer.add(text + part);
        }
      }
      for (String text : longer) {
        assertThat(ProxyPortPrefilter.unusual(text)).as("[%s]", text).isEqualTo(reference(text));
        assertThat(ProxyPortPrefilter.unusual("proxy_port:" + text))
            .as("[proxy_port:%s]", text)
            .isEqualTo(reference("proxy_port:" + text));
      }
      texts = longer;
    }
  }

  private static boolean reference(String text) {
    return UNUSUAL_NUMBER.matcher(text).find() || MERGE_OR_ALIAS.matcher(text).find();
  }
}
