package io.paasta.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokenTest {
  @TempDir Path dir;

  @Test
  void acceptsOnlyItsBearerToken() throws Exception {
    Path file = Files.writeString(dir.resolve("token"), "\n  s3cret-token \n");
    ApiToken token = ApiToken.fromFile(file);
    assertThat(token.accepts("Bearer s3cret-token")).isTrue();
    assertThat(token.accepts("bearer s3cret-token")).isTrue();
    assertThat(token.accepts("Bearer s3cret")).isFalse();
    assertThat(token.accepts("Basic s3cret-token")).isFalse();
    assertThat(token.accepts(null)).isFalse();
    assertThat(token.toString()).doesNotContain("s3cret").contains(file.toString());
  }

  @Test
  void aMissingOrEmptyFileGivenIsAnError() throws Exception {
    assertThatThrownBy(() -> ApiToken.resolve(Optional.of(dir.resolve("nope"))))
        .hasMessageContaining("cannot read the API token file");
    Path empty = Files.writeString(dir.resolve("empty"), " \n");
    assertThatThrownBy(() -> ApiToken.fromFile(empty)).hasMessageContaining("is empty");
  }
}
