package io.paasta.config.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema files are read from the classes' jar or folder, else through the class loader. */
class SchemaFilesTest {
  @TempDir Path dir;

  @Test
  void theShippedSchemasReadAsTheClassLoaderReadsThem() throws IOException {
    for (String name : new String[] {"common.schema.json", "marathon.schema.json"}) {
      try (InputStream direct = SchemaFiles.open(name);
          InputStream loaded = SchemaFilesTest.class.getResourceAsStream("/schemas/" + name)) {
        assertThat(direct.readAllBytes()).isEqualTo(loaded.readAllBytes());
      }
    }
    assertThat(SchemaFiles.open("no-such.schema.json")).isNull();
  }

  @Test
  void fromAJar() throws IOException {
    Path jar = dir.resolve("config.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry("schemas/"));
      zip.putNextEntry(new ZipEntry("schemas/x.schema.json"));
      zip.write("{\"in\": \"the jar\"}".getBytes(StandardCharsets.UTF_8));
    }

    assertThat(text(SchemaFiles.open(jar, "x.schema.json"))).isEqualTo("{\"in\": \"the jar\"}");
    assertThat(SchemaFiles.open(jar, "no-such.schema.json")).isNull();
    // not in the jar: the class loader's copy
    try (InputStream loaded =
        SchemaFilesTest.class.getResourceAsStream("/schemas/common.schema.json")) {
      assertThat(text(SchemaFiles.open(jar, "common.schema.json")))
          .isEqualTo(new String(loaded.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void fromAFolderOrWithoutALocation() throws IOException {
    Files.createDirectories(dir.resolve("schemas"));
    Files.writeString(dir.resolve("schemas/x.schema.json"), "{\"in\": \"the folder\"}");

    assertThat(text(SchemaFiles.open(dir, "x.schema.json"))).isEqualTo("{\"in\": \"the folder\"}");
    assertThat(SchemaFiles.open(dir, "no-such.schema.json")).isNull();
    assertThat(SchemaFiles.open(null, "x.schema.json")).isNull();
    try (InputStream loaded = SchemaFiles.open(null, "common.schema.json")) {
      assertThat(loaded).as("the class loader's copy").isNotNull();
    }
  }

  private static String text(InputStream in) throws IOException {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
