package io.paasta.config.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.paasta.config.problem.KeyPath;
import io.paasta.config.problem.Location;
import io.paasta.config.problem.Problem;
import io.paasta.config.soa.FileKind;
import io.paasta.config.yaml.ParsedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks files against the JSON Schemas shipped in {@code schemas/} (one per file kind) and turns
 * each schema error into a {@link Problem} with the file's line.
 */
public final class SchemaValidator {
  /** The {@code $id} base of our schemas; served from the classpath, never fetched. */
  public static final String SCHEMA_BASE = "https://paasta.io/schemas/";

  private static final String SYSTEM_SCHEMA = "system.schema.json";

  /** Made on first use: files the quick check finds valid never start Jackson's databind. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  /** Null when every file goes to the library (for tests comparing the two). */
  private final QuickSchemaCheck quick;

  private SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
  private final KeyVocabulary vocabulary = new KeyVocabulary();
  private final SchemaErrorTranslator translator = new SchemaErrorTranslator();

  public SchemaValidator() {
    this(true);
  }

  private SchemaValidator(boolean quickCheck) {
    this.quick = quickCheck ? new QuickSchemaCheck() : null;
  }

  /** Every file validated by the JSON Schema library (what the quick check must agree with). */
  static SchemaValidator libraryOnly() {
    return new SchemaValidator(false);
  }

  /** A schema, loaded on first use: validating one service loads only the kinds it has. */
  private Schema schema(String name) {
    Schema loaded = schemas.get(name);
    return loaded != null ? loaded : load(name);
  }

  /** One schema at a time: services validated in parallel wait for it rather than load it twice. */
  private synchronized Schema load(String name) {
    if (registry == null) {
      registry =
          SchemaRegistry.withDefaultDialect(
              SpecificationVersion.DRAFT_2020_12,
              builder ->
                  builder.schemaIdResolvers(
                      resolvers -> resolvers.mapPrefix(SCHEMA_BASE, "classpath:schemas/")));
    }
    return schemas.computeIfAbsent(
        name,
        n -> {
          Schema schema = registry.getSchema(SchemaLocation.of(SCHEMA_BASE + n));
          schema.initializeValidators();
          return schema;
        });
  }

  /** Problems of one soa-configs file; an empty file has none here (the loader warns). */
  public List<Problem> validate(FileKind kind, ParsedFile file) {
    return validate(kind.schema(), file);
  }

  /** Problems of the merged system config. */
  public List<Problem> validateSystemConfig(ParsedFile merged) {
    return validate(SYSTEM_SCHEMA, merged);
  }

  /**
   * Valid files (most) are known valid by the quick check; the others are validated by the library,
   * whose errors are translated.
   */
  private List<Problem> validate(String schemaName, ParsedFile file) {
    if (file.isEmpty() || quick != null && quick.certainlyValid(schemaName, file.root())) {
      return List.of();
    }
    Schema schema = schema(schemaName);
    JsonNode node = Json.MAPPER.valueToTree(file.root());
    List<Problem> problems = new ArrayList<>();
    for (Error error : errorsWithoutFalseUnknownKeys(schema, node)) {
      List<Object> path = segments(error.getInstanceLocation());
      SchemaErrorTranslator.Translation t =
          translator.translate(error, path, key -> vocabulary.nearest(schemaName, key));
      problems.add(
          Problem.error(
              Location.of(file.file(), file.lineOf(t.path())),
              KeyPath.subject(t.path()),
              t.message(),
              t.value(),
              t.expected()));
    }
    return problems.stream().distinct().toList();
  }

  /**
   * With {@code unevaluatedProperties: false}, one invalid value makes the schema forget which keys
   * it knew, so valid keys beside it are reported as unknown. A second pass over a copy without the
   * invalid keys finds the truly unknown ones.
   */
  private static List<Error> errorsWithoutFalseUnknownKeys(Schema schema, JsonNode document) {
    List<Error> first = schema.validate(document);
    List<Error> others = new ArrayList<>();
    List<List<Object>> objectsWithUnknownKeys = new ArrayList<>();
    for (Error error : first) {
      if (UNEVALUATED.equals(error.getKeyword())) {
        objectsWithUnknownKeys.add(segments(error.getInstanceLocation()));
      } else {
        others.add(error);
      }
    }
    if (others.isEmpty() || objectsWithUnknownKeys.isEmpty()) {
      return first;
    }
    JsonNode copy = document.deepCopy();
    for (Error error : others) {
      List<Object> field = segments(error.getInstanceLocation());
      if (error.getProperty() != null) {
        field.add(error.getProperty());
      }
      for (List<Object> object : objectsWithUnknownKeys) {
        if (field.size() > object.size() && field.subList(0, object.size()).equals(object)) {
          removeAt(copy, field.subList(0, object.size() + 1));
        }
      }
    }
    List<Error> result = new ArrayList<>(others);
    for (Error error : schema.validate(copy)) {
      if (UNEVALUATED.equals(error.getKeyword())) {
        result.add(error);
      }
    }
    return result;
  }

  private static final String UNEVALUATED = "unevaluatedProperties";

  private static void removeAt(JsonNode root, List<Object> path) {
    JsonNode parent = root;
    for (Object segment : path.subList(0, path.size() - 1)) {
      parent = segment instanceof Integer i ? parent.path(i) : parent.path(String.valueOf(segment));
    }
    if (parent instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
      object.remove(String.valueOf(path.get(path.size() - 1)));
    }
  }

  private static List<Object> segments(NodePath location) {
    List<Object> path = new ArrayList<>();
    for (int i = 0; i < location.getNameCount(); i++) {
      path.add(location.getElement(i));
    }
    return path;
  }
}
