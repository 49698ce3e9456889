package io.paasta.cli.commands;

import io.paasta.cli.localrun.LocalRunSession;
import io.paasta.cli.output.Output;
import java.io.PrintWriter;

/**
 * Where local-run's lines go: progress and the container's stdout to stdout, its stderr to stderr,
 * the health check's verdict coloured on a terminal. Each line is flushed as it comes.
 */
record LocalRunLines(Output out, PrintWriter err) implements LocalRunSession.Reporter {
  @Override
  public void progress(String line) {
    out.line(line);
    out.flush();
  }

  @Override
  public void verdict(boolean passed, String line) {
    out.styled("@|" + (passed ? "green" : "red,bold") + " " + Output.escape(line) + "|@");
    out.flush();
  }

  @Override
  public void stdout(String line) {
    out.line(line);
    out.flush();
  }

  @Override
  public void stderr(String line) {
    err.println(line);
    err.flush();
  }
}
