package io.paasta.cli.status;

import static io.paasta.cli.output.Markup.padded;

import java.util.ArrayList;
import java.util.List;

/**
 * A text table of {@code paasta status}: a bold header and rows whose columns line up, each cell
 * styled by its row and column (picocli markup out, rendered plain or coloured later).
 */
public final class Table {
  /** The style of a cell of a body row (0-based, header excluded); "" for none. */
  @FunctionalInterface
  public interface Styles {
    String of(int row, int column);
  }

  private Table() {}

  public static List<String> render(List<String> header, List<List<String>> rows, Styles styles) {
    int[] widths = new int[header.size()];
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (List<String> row : all) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (int r = 0; r < all.size(); r++) {
      List<String> row = all.get(r);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        boolean last = i == row.size() - 1;
        String style = r == 0 ? "bold" : styles.of(r - 1, i);
        line.append(padded(style, row.get(i), last ? 0 : widths[i]));
        if (!last) {
          line.append("  ");
        }
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }
}
