package com.ocrchat.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the files are doing. On a terminal one status line, redrawn, with a bar per file from pages_done; otherwise
 * (a pipe, a log, CI) a plain line whenever a file's count changes. Finished files get a line of their own.
 */
final class Progress {
    private static final int BAR = 20;

    private final PrintStream out;
    private final boolean terminal;
    private final Map<String, String> shown = new LinkedHashMap<>();
    private final Map<String, int[]> pages = new LinkedHashMap<>();
    private int drawnWidth;

    Progress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    synchronized void pages(String file, int done, int total) {
        String state = done + "/" + total;
        if (state.equals(shown.put(file, state))) {
            return;
        }
        pages.put(file, new int[] {done, total});
        if (terminal) {
            redraw();
        } else {
            out.println(file + ": " + done + "/" + total + " pages");
        }
    }

    /** A line that stays: a file finished or failed. */
    synchronized void line(String file, String message) {
        pages.remove(file);
        clear();
        out.println(file + ": " + message);
        if (terminal) {
            redraw();
        }
    }

    private void redraw() {
        StringBuilder line = new StringBuilder();
        pages.forEach((file, count) -> {
            int filled = count[1] == 0 ? 0 : count[0] * BAR / count[1];
            line.append(line.isEmpty() ? "" : "  ")
                    .append(file)
                    .append(" [")
                    .append("#".repeat(filled))
                    .append(".".repeat(BAR - filled))
                    .append("] ")
                    .append(count[0])
                    .append('/')
                    .append(count[1]);
        });
        clear();
        out.print(line);
        out.flush();
        drawnWidth = line.length();
    }

    private void clear() {
        if (terminal && drawnWidth > 0) {
            out.print("\r" + " ".repeat(drawnWidth) + "\r");
            drawnWidth = 0;
        }
    }
}
