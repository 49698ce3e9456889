package io.paasta.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/** Where a command writes: coloured text on a terminal, plain when piped, or JSON. */
public final class Output implements Lines {
  /** Made on first use: commands that print no JSON never start Jackson. */
  private static final class Json {
    static final ObjectMapper INDENTED =
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  private final PrintWriter out;
  private final Ansi ansi;

  public Output(CommandLine commandLine) {
    this.out = commandLine.getOut();
    this.ansi = commandLine.getColorScheme().ansi();
  }

  @Override
  public void line(String text) {
    out.println(text);
  }

  /**
   * Lines written together and flushed once: the writer flushes at every line otherwise (one system
   * call a line, thousands for a listing).
   */
  public void lines(List<String> lines) {
    String separator = System.lineSeparator();
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(line).append(separator);
    }
    out.print(text);
    out.flush();
  }

  /** A line with picocli markup such as {@code @|red,bold text|@}; plain when not a terminal. */
  @Override
  public void styled(String markup) {
    out.println(ansi.string(markup));
  }

  /** Whether styles become colours (a terminal) or are dropped (piped). */
  public boolean coloured() {
    return ansi.enabled();
  }

  public void json(Object value) {
    out.println(jsonText(value));
  }

  /** The indented JSON {@link #json} prints (without its line separator). */
  public static String jsonText(Object value) {
    try {
      return Json.INDENTED.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  /** One-line JSON of a value, for showing nested config values in text output. */
  public static String compact(Object value) {
    try {
      return value instanceof String text ? text : new ObjectMapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  /** Escapes text for use inside picocli markup. */
  public static String escape(String text) {
    return text.replace("@|", "@ |").replace("|@", "| @");
  }

  public void flush() {
    out.flush();
  }
}
