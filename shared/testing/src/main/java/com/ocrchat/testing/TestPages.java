package com.ocrchat.testing;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/** Pages drawn with a layout to find: two columns, a running header and footer, headings and lists, tables. */
public final class TestPages {
    private TestPages() {}

    public static final List<String> INVOICE_LINES = List.of(
            "Acme Corp",
            "123 Market Street, Springfield",
            "Invoice number: INV-2026-0042",
            "Invoice date: November 2, 2026",
            "Due date: December 1, 2026",
            "Widget assembly, 2 units: 150.00 USD",
            "Support plan, 1 year: 65.00 USD",
            "Total: 215.00 USD");

    /** An A4 invoice at 150 dpi: a large "INVOICE" title over body text in DejaVu Sans. */
    public static BufferedImage invoiceImage() {
        return page("INVOICE", INVOICE_LINES);
    }

    /** A white A4 page at 150 dpi with a large title and body lines. */
    public static BufferedImage page(String title, List<String> lines) {
        return page("DejaVu Sans", title, lines);
    }

    /** Like {@link #page(String, List)}, in the given font (Noto Sans CJK SC, Noto Sans Thai, ...). */
    public static BufferedImage page(String font, String title, List<String> lines) {
        BufferedImage image = new BufferedImage(1240, 1754, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = whitePage(image);
        g.setFont(new Font(font, Font.BOLD, 72));
        g.drawString(title, 120, 220);
        g.setFont(new Font(font, Font.PLAIN, 30));
        int y = 360;
        for (String line : lines) {
            g.drawString(line, 120, y);
            y += 70;
        }
        g.dispose();
        return image;
    }

    /** An A4 page at 150 dpi: a title across the page, then two columns of text, each paragraph wrapped to its column. */
    public static BufferedImage twoColumnPage(String title, List<String> left, List<String> right) {
        BufferedImage image = new BufferedImage(1240, 1754, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = whitePage(image);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 56));
        g.drawString(title, 100, 200);
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 26));
        column(g, left, 100, 320, 480);
        column(g, right, 660, 320, 480);
        g.dispose();
        return image;
    }

    /** A report page: a small running header at the top, paragraphs, a page-number footer at the bottom. */
    public static BufferedImage pageWithHeaderAndFooter(String header, List<String> paragraphs, String footer) {
        BufferedImage image = new BufferedImage(1240, 1754, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = whitePage(image);
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 20));
        g.drawString(header, 100, 90);
        g.drawString(footer, 1240 - 100 - g.getFontMetrics().stringWidth(footer), 1680);
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 26));
        column(g, paragraphs, 100, 240, 1040);
        g.dispose();
        return image;
    }

    /** Paragraphs word-wrapped into a column, a blank line between paragraphs. */
    private static void column(Graphics2D g, List<String> paragraphs, int x, int y, int width) {
        var metrics = g.getFontMetrics();
        int line = metrics.getHeight() + 8;
        for (String paragraph : paragraphs) {
            StringBuilder current = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (metrics.stringWidth(candidate) > width && !current.isEmpty()) {
                    g.drawString(current.toString(), x, y);
                    y += line;
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(candidate);
                }
            }
            g.drawString(current.toString(), x, y);
            y += 2 * line;
        }
    }

    /** A page with a title, two section headings, a paragraph, a bulleted list and a numbered list. */
    public static BufferedImage handbookPage() {
        BufferedImage image = new BufferedImage(1240, 1754, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = whitePage(image);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 64));
        g.drawString("Project Handbook", 100, 180);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 42));
        g.drawString("Getting started", 100, 300);
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 28));
        g.drawString("Read these steps before your first day at the office.", 100, 380);
        g.drawString("\u2022 Bring your signed contract", 130, 460);
        g.drawString("\u2022 Collect your badge at reception", 130, 510);
        g.drawString("\u2022 Meet your mentor", 130, 560);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 42));
        g.drawString("First week", 100, 680);
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 28));
        g.drawString("1. Set up your laptop", 130, 760);
        g.drawString("2. Join the team meeting", 130, 810);
        g.drawString("3. Review the open issues", 130, 860);
        g.dispose();
        return image;
    }

    public static final List<List<String>> ORDER_TABLE = List.of(
            List.of("Item", "Quantity", "Price"),
            List.of("Widget assembly", "2", "150.00"),
            List.of("Support plan", "1", "65.00"),
            List.of("Cable", "4", "12.50"));

    /** A page with a title, a sentence, and {@link #ORDER_TABLE} in three columns, with or without ruling lines. */
    public static BufferedImage tablePage(boolean ruled) {
        BufferedImage image = new BufferedImage(1240, 1754, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = whitePage(image);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 56));
        g.drawString("Order 1042", 100, 180);
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 28));
        g.drawString("The goods below were shipped on Monday.", 100, 280);
        drawTable(g, ORDER_TABLE, new int[] {100, 620, 880, 1100}, 360, 70, 46, ruled ? 3 : 0);
        g.dispose();
        return image;
    }

    /**
     * The rows' cells drawn into columns starting at {@code columns} (whose last entry is the right edge),
     * rows {@code rowHeight} apart with text {@code baseline} below a row's top; ruled with lines
     * {@code rule} pixels wide, or not at all for 0.
     */
    private static void drawTable(
            Graphics2D g, List<List<String>> rows, int[] columns, int top, int rowHeight, int baseline, int rule) {
        int padding = baseline / 3;
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                g.drawString(rows.get(r).get(c), columns[c] + padding, top + r * rowHeight + baseline);
            }
        }
        if (rule == 0) {
            return;
        }
        g.setStroke(new java.awt.BasicStroke(rule));
        for (int r = 0; r <= rows.size(); r++) {
            g.drawLine(columns[0], top + r * rowHeight, columns[columns.length - 1], top + r * rowHeight);
        }
        for (int x : columns) {
            g.drawLine(x, top, x, top + rows.size() * rowHeight);
        }
    }

    public static final List<List<String>> PLAN_TABLE = List.of(
            List.of("Step", "What to do", "Owner"),
            List.of("1", "Collect the signed forms from every team before Friday", "Anna"),
            List.of("2", "Check the totals against the budget of last year", "Ben"),
            List.of("3", "Send the final report to the board with a short summary", "Chris"));

    /** {@link #PLAN_TABLE} ruled into a grid: its middle column holds whole sentences. */
    public static BufferedImage ruledTableOfSentences() {
        BufferedImage image = new BufferedImage(1240, 1754, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = whitePage(image);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 48));
        g.drawString("Year-end plan", 100, 180);
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 22));
        drawTable(g, PLAN_TABLE, new int[] {100, 220, 980, 1140}, 280, 64, 42, 2);
        g.dispose();
        return image;
    }

    /** The page turned by a few degrees about its middle on white paper, as a sheet fed into a scanner askew. */
    public static BufferedImage skewed(BufferedImage page, double degrees) {
        BufferedImage turned = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = whitePage(turned);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), page.getWidth() / 2.0, page.getHeight() / 2.0);
        g.drawImage(page, 0, 0, null);
        g.dispose();
        return turned;
    }

    /** Graphics on the image painted white, ready to draw black, anti-aliased text. */
    static Graphics2D whitePage(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        return g;
    }
}
