package io.paasta.backend.kubernetes.render;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesListBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rendered objects as text, so that the CLI never handles fabric8 types: YAML documents ({@code
 * ---} separated, each after a comment naming the instance and the object) or one JSON {@code List}
 * (what {@code kubectl apply -f} takes). Objects are in the order they were added; an object that
 * an earlier instance already brought (its namespace, a Service two instances register in) is
 * printed once, under the first instance.
 */
public final class RenderedYaml {
  private final Map<String, Document> documents = new LinkedHashMap<>();

  private record Document(String title, List<String> notes, HasMetadata object) {}

  /** One instance's objects, in {@link RenderedInstance#objects()} order. */
  public static RenderedYaml of(String title, RenderedInstance rendered) {
    return new RenderedYaml().add(title, rendered);
  }

  /** One job's objects. */
  public static RenderedYaml of(String title, RenderedJob rendered) {
    return new RenderedYaml().add(title, rendered);
  }

  /**
   * @param title how comments name the instance, e.g. {@code hello-web.main in prod}
   */
  public RenderedYaml add(String title, RenderedInstance rendered) {
    rendered.objects().forEach(object -> put(title, List.of(), object));
    return this;
  }

  /**
   * A job: its CronJob, or (without one) the Job template after a comment saying why the daemon's
   * scheduler runs it.
   */
  public RenderedYaml add(String title, RenderedJob rendered) {
    List<String> notes = new ArrayList<>();
    rendered
        .schedulerReason()
        .ifPresent(
            reason -> {
              notes.add("No CronJob: " + reason + ".");
              notes.add("Each run is a Job made from this template (the scheduler names it).");
            });
    put(title, List.of(), rendered.namespace());
    put(
        title,
        notes,
        rendered.cronJob().isPresent() ? rendered.cronJob().get() : rendered.jobTemplate());
    return this;
  }

  private void put(String title, List<String> notes, Object object) {
    HasMetadata meta = (HasMetadata) object;
    String key =
        meta.getKind()
            + "/"
            + meta.getMetadata().getNamespace()
            + "/"
            + meta.getMetadata().getName();
    documents.putIfAbsent(key, new Document(title, notes, meta));
  }

  /** YAML documents, each starting with {@code ---} and comments. */
  public String yaml() {
    StringBuilder out = new StringBuilder();
    for (Document document : documents.values()) {
      out.append("---\n");
      out.append("# ")
          .append(document.title())
          .append(": ")
          .append(document.object().getKind())
          .append(' ')
          .append(document.object().getMetadata().getName())
          .append('\n');
      document.notes().forEach(note -> out.append("# ").append(note).append('\n'));
      String yaml = Serialization.asYaml(document.object());
      out.append(yaml.startsWith("---\n") ? yaml.substring(4) : yaml);
      if (out.charAt(out.length() - 1) != '\n') {
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** One JSON document: a {@code v1 List} of the objects. */
  public String json() {
    List<HasMetadata> items = documents.values().stream().map(Document::object).toList();
    return Serialization.asJson(new KubernetesListBuilder().withItems(items).build()) + "\n";
  }

  /** How many objects (after removing repeats). */
  public int size() {
    return documents.size();
  }
}
