package com.ocrchat.testing;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Files made to hurt a document server, each small: bombs (pixels, decoded bytes, operators), loops (TIFF
 * IFD chains, PDF page trees, forms drawing themselves), truncations, lies (sizes, counts, types) and
 * amplification (a few bytes asking for a lot of work). Every one must be answered with a clear 4xx, or read
 * within the page budgets; {@code refusedWith}, when set, is what the refusal must say.
 */
public final class HostileInputs {
    private HostileInputs() {}

    /** One hostile file; {@code refusedWith} is a phrase the 4xx must contain, or null when reading it is fine too. */
    public record Hostile(String name, byte[] bytes, String refusedWith) {
        @Override
        public String toString() {
            return name + " (" + bytes.length + " bytes)";
        }
    }

    public static List<Hostile> all() {
        List<Hostile> all = new ArrayList<>();
        all.addAll(HostileImages.tiffs());
        all.addAll(HostileImages.images());
        all.addAll(HostileDecoders.images());
        all.addAll(HostileImageReads.images());
        all.addAll(HostilePdfs.pdfs());
        all.addAll(HostileStreams.pdfs());
        all.addAll(HostileDrawings.pdfs());
        all.addAll(HostileParsing.pdfs());
        all.addAll(HostileTextLayers.pdfs());
        all.addAll(HostileCMaps.pdfs());
        all.addAll(HostileTrueTypeFonts.pdfs());
        all.addAll(HostilePostScriptFonts.pdfs());
        all.addAll(HostileFontTricks.pdfs());
        all.addAll(HostileFontMultipliers.pdfs());
        all.addAll(notDocuments());
        return all;
    }

    // ---- Not documents ----------------------------------------------------------------------------------

    static List<Hostile> notDocuments() {
        byte[] random = new byte[64 * 1024];
        new Random(42).nextBytes(random);
        return List.of(
                new Hostile("empty", new byte[0], "empty"),
                new Hostile("one-byte", new byte[] {0x25}, "Unsupported"),
                new Hostile("random-64kb", random, "Unsupported"),
                new Hostile("html", "<!doctype html><title>x</title>".getBytes(StandardCharsets.UTF_8), "Unsupported"),
                new Hostile("zip", new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0}, "Unsupported"),
                new Hostile("bmp-magic-only", new byte[] {'B', 'M'}, "Unsupported"));
    }

    static BufferedImage blank(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        var g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    static BufferedImage rgb(BufferedImage grey) {
        BufferedImage image = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_INT_RGB);
        image.getGraphics().drawImage(grey, 0, 0, null);
        return image;
    }
}
