package io.paasta.backend.kubernetes.render;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;

/**
 * Rendered objects as text, so that the CLI never handles fabric8 types: YAML documents ({@code
 * ---} separated, each after a comment naming the instance and the object) or one JSON array.
 */
public final class RenderedYaml {
  private RenderedYaml() {}

  /** The objects of an instance as YAML documents, in {@link RenderedInstance#objects()} order. */
  public static String of(String title, RenderedInstance rendered) {
    return yaml(title, rendered.objects(), List.of());
  }

  /** A job's objects; without a CronJob a comment says why and the Job template follows. */
  public static String of(String title, RenderedJob rendered) {
    List<String> notes = new ArrayList<>();
    rendered.schedulerReason().ifPresent(reason -> notes.add("No CronJob: " + reason + "."));
    rendered
        .schedulerReason()
        .ifPresent(reason -> notes.add("The Job below is the template of each run."));
    return yaml(title, rendered.objects(), notes);
  }

  /** The objects of an instance as a JSON array. */
  public static String json(RenderedInstance rendered) {
    return json(rendered.objects());
  }

  /** A job's objects as a JSON array. */
  public static String json(RenderedJob rendered) {
    return json(rendered.objects());
  }

  private static String yaml(String title, List<Object> objects, List<String> notes) {
    StringBuilder out = new StringBuilder();
    for (Object object : objects) {
      out.append("---\n");
      out.append("# ").append(title).append(": ").append(describe(object)).append('\n');
      if (!(object instanceof io.fabric8.kubernetes.api.model.Namespace)) {
        notes.forEach(note -> out.append("# ").append(note).append('\n'));
      }
      out.append(stripDocumentStart(Serialization.asYaml(object)));
      if (out.charAt(out.length() - 1) != '\n') {
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static String json(List<Object> objects) {
    List<String> parts = new ArrayList<>();
    for (Object object : objects) {
      parts.add(Serialization.asJson(object));
    }
    return "[" + String.join(",\n", parts) + "]\n";
  }

  private static String describe(Object object) {
    if (object instanceof HasMetadata meta) {
      return meta.getKind() + " " + meta.getMetadata().getName();
    }
    return object.getClass().getSimpleName();
  }

  private static String stripDocumentStart(String yaml) {
    return yaml.startsWith("---\n") ? yaml.substring(4) : yaml;
  }
}
