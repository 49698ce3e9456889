package io.paasta.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * Writes a large, valid soa-configs tree for benchmarking {@code paasta validate}, {@code paasta
 * list} and instance loading.
 *
 * <p>Usage: {@code TreeGenerator OUTPUT_DIR [--services N] [--seed S]}. Services are named {@code
 * svc-0001}, {@code svc-0002}, ...; each gets the six files of {@link SyntheticService#FILE_NAMES}.
 * The output is a pure function of N and the seed. Existing files are overwritten; nothing is
 * deleted.
 */
public final class TreeGenerator {

  static final int DEFAULT_SERVICES = 2000;
  static final long DEFAULT_SEED = 42;

  private static final String USAGE =
      "usage: TreeGenerator OUTPUT_DIR [--services N (default "
          + DEFAULT_SERVICES
          + ")] [--seed S (default "
          + DEFAULT_SEED
          + ")]";

  /** Parsed command line. */
  record Options(Path outputDir, int services, long seed) {

    static Options parse(String[] args) {
      Path outputDir = null;
      int services = DEFAULT_SERVICES;
      long seed = DEFAULT_SEED;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--services" -> services = Integer.parseInt(valueOf(args, ++i, "--services"));
          case "--seed" -> seed = Long.parseLong(valueOf(args, ++i, "--seed"));
          case "-h", "--help" -> throw new IllegalArgumentException(USAGE);
          default -> {
            if (args[i].startsWith("-") || outputDir != null) {
              throw new IllegalArgumentException("unexpected argument: " + args[i]);
            }
            outputDir = Path.of(args[i]);
          }
        }
      }
      if (outputDir == null) {
        throw new IllegalArgumentException("OUTPUT_DIR is required");
      }
      if (services < 1 || services > SyntheticService.MAX_SERVICES) {
        throw new IllegalArgumentException(
            "--services must be between 1 and "
                + SyntheticService.MAX_SERVICES
                + " (one proxy_port each)");
      }
      return new Options(outputDir, services, seed);
    }

    private static String valueOf(String[] args, int index, String option) {
      if (index >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[index];
    }
  }

  private final Options options;
  private final int nameWidth;

  TreeGenerator(Options options) {
    this.options = options;
    this.nameWidth = Math.max(4, Integer.toString(options.services()).length());
  }

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      if (e.getMessage().equals(USAGE)) {
        System.out.println(USAGE);
        return;
      }
      System.err.println(e.getMessage() + "\n" + USAGE);
      System.exit(2);
      return;
    }
    long start = System.nanoTime();
    int files = new TreeGenerator(options).generate();
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "wrote %d services (%d files) to %s in %d ms%n",
        options.services(), files, options.outputDir(), millis);
  }

  /** Writes the whole tree and returns the number of files written. */
  int generate() {
    try {
      Files.createDirectories(options.outputDir());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Every service's content depends only on (seed, ordinal), so writing in parallel keeps the
    // output deterministic.
    IntStream.rangeClosed(1, options.services()).parallel().forEach(this::writeService);
    return options.services() * SyntheticService.FILE_NAMES.size();
  }

  String serviceName(int ordinal) {
    return "svc-" + String.format("%0" + nameWidth + "d", ordinal);
  }

  private void writeService(int ordinal) {
    String name = serviceName(ordinal);
    SyntheticService service = new SyntheticService(name, ordinal, options.seed());
    Path dir = options.outputDir().resolve(name);
    try {
      Files.createDirectories(dir);
      for (String fileName : SyntheticService.FILE_NAMES) {
        try (Writer out = Files.newBufferedWriter(dir.resolve(fileName), StandardCharsets.UTF_8)) {
          service.write(fileName, out);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir, e);
    }
  }
}
