package io.paasta.backend.docker.engine;

/**
 * The parts of an image reference {@code [registry/]repository[:tag]} (or {@code @digest}) that the
 * engine's pull takes apart.
 *
 * @param repository with its registry, e.g. {@code 127.0.0.1:5000/services-web}
 * @param tag the tag, or the digest ({@code sha256:...}) of a reference by digest
 */
public record ImageNames(String registry, String repository, String tag) {

  public static ImageNames parse(String image) {
    String repository = image;
    String tag = "latest";
    int at = image.indexOf('@');
    if (at >= 0) {
      repository = image.substring(0, at);
      tag = image.substring(at + 1);
    } else {
      int colon = image.lastIndexOf(':');
      if (colon > image.lastIndexOf('/')) {
        repository = image.substring(0, colon);
        tag = image.substring(colon + 1);
      }
    }
    int slash = repository.indexOf('/');
    String first = slash < 0 ? "" : repository.substring(0, slash);
    boolean hasRegistry = first.contains(".") || first.contains(":") || first.equals("localhost");
    return new ImageNames(hasRegistry ? first : "docker.io", repository, tag);
  }
}
