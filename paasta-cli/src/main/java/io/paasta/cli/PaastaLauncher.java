package io.paasta.cli;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The jar's entry point: prints a stored help page ({@link StoredHelp}) when the arguments ask for
 * one and picocli would print the same, runs a plain {@code paasta validate}, {@code paasta list}
 * or {@code paasta status} without picocli ({@link QuickValidate}, {@link QuickList}, {@link
 * QuickStatus}) when it prints the same, else runs {@link PaastaMain}. No method of this class
 * names a picocli type: the launcher resolves every type of the main class's methods before {@code
 * main} runs, which would load picocli.
 */
public final class PaastaLauncher {
  private PaastaLauncher() {}

  public static void main(String[] args) {
    Optional<byte[]> help = StoredHelp.page(args);
    if (help.isPresent()) {
      System.out.write(help.get(), 0, help.get().length);
      System.out.flush();
      System.exit(0);
    }
    OptionalInt quick = QuickValidate.run(args);
    if (quick.isEmpty()) {
      quick = QuickList.run(args);
    }
    if (quick.isEmpty()) {
      quick = QuickStatus.run(args);
    }
    if (quick.isPresent()) {
      System.exit(quick.getAsInt());
    }
    PaastaMain.main(args);
  }
}
