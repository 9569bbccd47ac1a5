package com.ocrchat.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

/**
 * A PDF written object by object, with a correct cross-reference table, for files no PDF library would
 * write: page trees that loop, counts that lie, drawings that fan out. Object 1 is the catalog.
 */
public final class RawPdf {
    private final List<byte[]> objects = new ArrayList<>();

    /** Adds object number {@code objects.size() + 1} with this body (dictionary, array, ...). */
    public RawPdf object(String body) {
        objects.add(body.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    /** Adds a stream object: {@code dictionary} (without /Length) and its data, deflated when asked. */
    public RawPdf stream(String dictionary, byte[] data, boolean deflate) {
        byte[] bytes = deflate ? deflate(data) : data;
        String head = "<<" + dictionary + (deflate ? " /Filter /FlateDecode" : "") + " /Length " + bytes.length
                + ">>\nstream\n";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        body.writeBytes(bytes);
        body.writeBytes("\nendstream".getBytes(StandardCharsets.ISO_8859_1));
        objects.add(body.toByteArray());
        return this;
    }

    public byte[] bytes() {
        return bytes(true);
    }

    /** The file with no cross-reference table, only a {@code startxref} pointing nowhere: readers rebuild it. */
    public byte[] bytesWithoutCrossReferences() {
        return bytes(false);
    }

    private byte[] bytes(boolean crossReferences) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            out.writeBytes(((i + 1) + " 0 obj\n").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(objects.get(i));
            out.writeBytes("\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        int xref = out.size();
        if (!crossReferences) {
            out.writeBytes(
                    "trailer\n<< /Root 1 0 R >>\nstartxref\n999999999\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
            return out.toByteArray();
        }
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(offset -> table.append(String.format("%010d 00000 n \n", offset)));
        table.append("trailer\n<< /Size ")
                .append(objects.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        out.writeBytes(table.toString().getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /**
     * A page, then {@code sections} cross-reference streams chained by /Prev, the last found first; each lists {@code
     * entries} objects of its own numbers, all said to lie where the catalog does.
     */
    public static byte[] pageListedByStreams(int sections, int entries, boolean deflated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] bodies = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"
        };
        int[] offsets = new int[bodies.length + 1];
        out.writeBytes("%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 1; i <= bodies.length; i++) {
            offsets[i] = out.size();
            out.writeBytes((i + " 0 obj\n" + bodies[i - 1] + "\nendobj\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        long previous = -1;
        for (int section = 0; section < sections; section++) {
            boolean last = section == sections - 1;
            long first = 10L + (long) section * entries;
            // one-byte offsets, type 1 by default (/W [0 1 0]): the catalog lies within the first 256 bytes
            byte[] table = new byte[entries + (last ? 3 : 0)];
            java.util.Arrays.fill(table, (byte) offsets[1]);
            if (last) {
                table[entries + 1] = (byte) offsets[2];
                table[entries + 2] = (byte) offsets[3];
            }
            byte[] data = deflated ? deflate(table) : table;
            long here = out.size();
            String dictionary = "<< /Type /XRef /Size " + (first + entries + sections) + " /Index [" + first + " "
                    + entries + (last ? " 1 3" : "") + "] /W [0 1 0] /Root 1 0 R /Length " + data.length
                    + (deflated ? " /Filter /FlateDecode" : "") + (previous >= 0 ? " /Prev " + previous : "") + " >>";
            out.writeBytes(
                    ((first + entries) + " 0 obj\n" + dictionary + "\nstream\n").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(data);
            out.writeBytes("\nendstream\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
            previous = here;
        }
        out.writeBytes(("startxref\n" + previous + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }
}
