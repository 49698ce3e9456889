package io.paasta.cli.deploywait;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Help.Ansi;

/**
 * Progress on a terminal: one line per instance, redrawn in place at every poll (cursor up, clear
 * line), so the screen shows the current state rather than a scroll of it.
 */
public final class TerminalProgressDisplay implements ProgressDisplay {
  private static final String ESC = "\u001b[";

  private final PrintWriter out;
  private final Ansi ansi;
  private int drawn;

  public TerminalProgressDisplay(PrintWriter out, Ansi ansi) {
    this.out = out;
    this.ansi = ansi;
  }

  @Override
  public synchronized void show(List<InstanceProgress> progress) {
    StringBuilder frame = new StringBuilder();
    if (drawn > 0) {
      frame.append(ESC).append(drawn).append('A');
    }
    for (InstanceProgress instance : progress) {
      frame
          .append('\r')
          .append(ESC)
          .append("2K")
          .append(ansi.string(instance.markup()))
          .append('\n');
    }
    out.print(frame);
    out.flush();
    drawn = progress.size();
  }
}
