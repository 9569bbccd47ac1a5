package com.ocrchat.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A PDF whose objects may be packed in object streams, with a cross-reference stream, as current producers write:
 * plain objects and packed ones numbered by the caller, object 1 the catalog; the object streams and the
 * cross-reference stream are numbered after them.
 */
public final class PackedPdf {
    private final TreeMap<Integer, String> plain = new TreeMap<>();
    private final List<TreeMap<Integer, String>> packs = new ArrayList<>();
    private final TreeMap<Integer, Integer> missing = new TreeMap<>();
    private final boolean deflated;

    /** Object streams deflated, as producers write them, or not. */
    public PackedPdf(boolean deflated) {
        this.deflated = deflated;
    }

    public PackedPdf object(int number, String body) {
        plain.put(number, body);
        return this;
    }

    /** One object stream (deflated) holding these objects. */
    public PackedPdf pack(Map<Integer, String> objects) {
        packs.add(new TreeMap<>(objects));
        return this;
    }

    /** An object the cross-reference stream says the {@code pack}th object stream holds, which it does not. */
    public PackedPdf missing(int number, int pack) {
        missing.put(number, pack);
        return this;
    }

    public byte[] bytes() {
        int highest = Math.max(plain.isEmpty() ? 0 : plain.lastKey(), missing.isEmpty() ? 0 : missing.lastKey());
        for (TreeMap<Integer, String> pack : packs) {
            highest = Math.max(highest, pack.lastKey());
        }
        int firstStream = highest + 1;
        int xrefNumber = firstStream + packs.size();
        long[][] rows = new long[xrefNumber + 1][]; // type, field 2, field 3
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ascii(out, "%PDF-1.7\n");
        plain.forEach((number, body) -> {
            rows[number] = new long[] {1, out.size(), 0};
            ascii(out, number + " 0 obj\n" + body + "\nendobj\n");
        });
        for (int index = 0; index < packs.size(); index++) {
            StringBuilder header = new StringBuilder();
            StringBuilder bodies = new StringBuilder();
            int at = 0;
            for (Map.Entry<Integer, String> object : packs.get(index).entrySet()) {
                rows[object.getKey()] = new long[] {2, firstStream + index, at++};
                header.append(object.getKey())
                        .append(' ')
                        .append(bodies.length())
                        .append(' ');
                bodies.append(object.getValue()).append('\n');
            }
            byte[] data = (header + "\n" + bodies).getBytes(StandardCharsets.ISO_8859_1);
            data = deflated ? RawPdf.deflate(data) : data;
            rows[firstStream + index] = new long[] {1, out.size(), 0};
            ascii(
                    out,
                    (firstStream + index) + " 0 obj\n<< /Type /ObjStm /N "
                            + packs.get(index).size() + " /First "
                            + (header.length() + 1) + (deflated ? " /Filter /FlateDecode" : "") + " /Length "
                            + data.length
                            + " >>\nstream\n");
            out.writeBytes(data);
            ascii(out, "\nendstream\nendobj\n");
        }
        missing.forEach((number, pack) -> rows[number] = new long[] {2, firstStream + pack, 0});
        int xref = out.size();
        rows[xrefNumber] = new long[] {1, xref, 0};
        ByteBuffer table = ByteBuffer.allocate(rows.length * 7);
        for (long[] row : rows) {
            long[] entry = row != null ? row : new long[] {0, 0, 0};
            table.put((byte) entry[0]).putInt((int) entry[1]).putShort((short) entry[2]);
        }
        byte[] deflated = RawPdf.deflate(table.array());
        ascii(
                out,
                xrefNumber + " 0 obj\n<< /Type /XRef /Size " + rows.length + " /W [1 4 2] /Root 1 0 R"
                        + " /Filter /FlateDecode /Length " + deflated.length + " >>\nstream\n");
        out.writeBytes(deflated);
        ascii(out, "\nendstream\nendobj\nstartxref\n" + xref + "\n%%EOF\n");
        return out.toByteArray();
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
