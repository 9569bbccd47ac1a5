package com.ocrchat.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The hostile corpus's Type 1 and CFF font programs: small embedded fonts whose glyphs call subroutines without end
 * or in a doubling chain, or whose parse copies the same subroutines once for each of thousands of dictionaries.
 */
final class HostilePostScriptFonts {
    private HostilePostScriptFonts() {}

    static List<HostileInputs.Hostile> pdfs() {
        return List.of(
                // A Type 2 glyph calling a subroutine that calls the next twice, 30 deep: a billion calls.
                new HostileInputs.Hostile(
                        "pdf-cff-glyph-of-subroutines-calling-the-next-twice-30-deep",
                        pageInCff(cff(doubling(30, false))),
                        "glyph"),
                // A subroutine calling itself: FontBox follows it until its thread's stack runs out.
                new HostileInputs.Hostile(
                        "pdf-cff-glyph-of-a-subroutine-calling-itself", pageInCff(cff(doubling(1, true))), "glyph"),
                // The subroutines of each font dictionary are copied as they are read: 65,535 copies of 64 KB.
                new HostileInputs.Hostile(
                        "pdf-cff-65535-font-dictionaries-sharing-64-kb-of-subroutines",
                        pageInCidCff(cidCffSharingSubroutines(65_535, 65_536)),
                        "subroutines"),
                // FontBox makes room for the subroutines a Type 1 font declares, one by one: 2 billion.
                new HostileInputs.Hostile(
                        "pdf-type1-declaring-2-billion-subroutines",
                        pageInType1(type1("2000000000", new byte[0][])),
                        "subroutines"),
                // A Type 1 glyph calling a subroutine that calls the next twice, 30 deep: a billion calls.
                new HostileInputs.Hostile(
                        "pdf-type1-glyph-of-subroutines-calling-the-next-twice-30-deep",
                        pageInType1(type1("30", type1Doubling(30, false))),
                        "glyph"),
                // A Type 1 subroutine calling itself: FontBox follows it until its thread's stack runs out.
                new HostileInputs.Hostile(
                        "pdf-type1-glyph-of-a-subroutine-calling-itself",
                        pageInType1(type1("1", type1Doubling(1, true))),
                        "glyph"));
    }

    /** A page of text in a simple Type 1 font embedded as this CFF program. */
    static byte[] pageInCff(byte[] program) {
        return HostileStreams.pageInFont("/Subtype /Type1", "/FontFile3", "/Subtype /Type1C", program);
    }
    /**
     * A CFF font of 72 glyphs (enough for the standard names of the letters) each drawn by calling global
     * subroutine 0, with these global subroutines.
     */
    static byte[] cff(byte[][] globalSubroutines) {
        byte[] glyph = {(byte) (139 - 107), 29, 14}; // push subroutine 0 (less the bias), callgsubr, endchar
        byte[][] glyphs = new byte[72][];
        java.util.Arrays.fill(glyphs, glyph);
        return cff(glyphs, globalSubroutines);
    }

    /** A CFF font of these glyphs (named by the standard charset, so glyph 1 is "space"), with these subroutines. */
    static byte[] cff(byte[][] glyphs, byte[][] globalSubroutines) {
        byte[] names = index(new byte[][] {"Hostile".getBytes(StandardCharsets.US_ASCII)});
        byte[] subroutines = index(globalSubroutines);
        byte[] charStrings = index(glyphs);
        int topDictionary = 3 + 2 * 4 + 17; // an index of one entry of 17 bytes, with 4-byte offsets
        int charStringsAt = 4 + names.length + topDictionary + 2 + subroutines.length;
        int privateAt = charStringsAt + charStrings.length;
        byte[] top = ByteBuffer.allocate(17)
                .put((byte) 29)
                .putInt(charStringsAt)
                .put((byte) 17)
                .put((byte) 29)
                .putInt(0)
                .put((byte) 29)
                .putInt(privateAt)
                .put((byte) 18)
                .array();
        return ByteBuffer.allocate(privateAt)
                .put(new byte[] {1, 0, 4, 4})
                .put(names)
                .put(index(new byte[][] {top}))
                .putShort((short) 0) // no strings
                .put(subroutines)
                .put(charStrings)
                .array();
    }

    /** A page of text in a CID font embedded as this CFF program. */
    static byte[] pageInCidCff(byte[] program) {
        return HostileStreams.pageInCidFont("/CIDFontType0", "/FontFile3", "/Subtype /CIDFontType0C", program);
    }
    /**
     * A CID-keyed CFF font of one glyph whose font dictionary array lists this many dictionaries, all with the same
     * private dictionary, whose local subroutines are one of this many bytes.
     */
    static byte[] cidCffSharingSubroutines(int dictionaries, int subroutineBytes) {
        return cidCffSharingSubroutines(dictionaries, subroutineBytes, 6);
    }

    /** The same, with this size given for the private dictionary (its one entry takes 6 bytes). */
    static byte[] cidCffSharingSubroutines(int dictionaries, int subroutineBytes, int privateSize) {
        byte[] subroutine = new byte[subroutineBytes];
        java.util.Arrays.fill(subroutine, (byte) 11);
        byte[] subroutines = index(new byte[][] {subroutine});
        byte[] privateAndAfter = ByteBuffer.allocate(6 + subroutines.length)
                .put((byte) 29)
                .putInt(6)
                .put((byte) 19) // private: subroutines just after it
                .put(subroutines)
                .array();
        return cidCff(
                dictionaries,
                at -> ByteBuffer.allocate(11)
                        .put((byte) 29)
                        .putInt(privateSize)
                        .put((byte) 29)
                        .putInt(at)
                        .put((byte) 18)
                        .array(),
                privateAndAfter);
    }

    /**
     * A CID-keyed CFF font of one glyph whose font dictionary array lists this many copies of one dictionary, made from
     * the offset of the private dictionary (of the same length whatever the offset), which comes last, with what
     * follows it.
     */
    static byte[] cidCff(int dictionaries, java.util.function.IntFunction<byte[]> dictionary, byte[] privateAndAfter) {
        byte[] names = index(new byte[][] {"Hostile".getBytes(StandardCharsets.US_ASCII)});
        byte[] charStrings = index(new byte[][] {{14}});
        byte[] select = {3, 0, 1, 0, 0, 0, 0, 1}; // format 3, one range: glyph 0 in dictionary 0, sentinel 1
        int topLength = 4 + 4 + 2 + 5 + 1 + 5 + 2 + 5 + 2; // ROS, CharStrings, FDArray, FDSelect
        int charStringsAt = 4 + names.length + (3 + 8 + topLength) + 2 + 2;
        int selectAt = charStringsAt + charStrings.length;
        int arrayAt = selectAt + select.length;
        int privateAt = arrayAt + 3 + 4 * (dictionaries + 1) + dictionary.apply(0).length * dictionaries;
        // ROS: registry and ordering as the standard strings 131 and 132, supplement 0
        byte[] top = ByteBuffer.allocate(topLength)
                .put(new byte[] {(byte) 247, 23, (byte) 247, 24, (byte) 139, 12, 30})
                .put((byte) 29)
                .putInt(charStringsAt)
                .put((byte) 17)
                .put((byte) 29)
                .putInt(arrayAt)
                .put((byte) 12)
                .put((byte) 36)
                .put((byte) 29)
                .putInt(selectAt)
                .put((byte) 12)
                .put((byte) 37)
                .array();
        byte[][] array = new byte[dictionaries][];
        java.util.Arrays.fill(array, dictionary.apply(privateAt));
        return ByteBuffer.allocate(privateAt + privateAndAfter.length)
                .put(new byte[] {1, 0, 4, 4})
                .put(names)
                .put(index(new byte[][] {top}))
                .putShort((short) 0) // no strings
                .putShort((short) 0) // no global subroutines
                .put(charStrings)
                .put(select)
                .put(index(array))
                .put(privateAndAfter)
                .array();
    }

    /** A CFF index of these entries, with 4-byte offsets. */
    private static byte[] index(byte[][] entries) {
        int length = 0;
        for (byte[] entry : entries) {
            length += entry.length;
        }
        ByteBuffer index = ByteBuffer.allocate(3 + 4 * (entries.length + 1) + length)
                .putShort((short) entries.length)
                .put((byte) 4);
        int offset = 1;
        for (byte[] entry : entries) {
            index.putInt(offset);
            offset += entry.length;
        }
        index.putInt(offset);
        for (byte[] entry : entries) {
            index.put(entry);
        }
        return index.array();
    }

    /** Subroutines each calling the next twice (the last drawing a line): 2^count calls for one glyph. */
    static byte[][] doubling(int count, boolean itself) {
        byte[][] subroutines = new byte[count][];
        int bias = count < 1240 ? 107 : 1131;
        for (int i = 0; i < count; i++) {
            int next = (itself ? i : i + 1) - bias;
            byte call = (byte) (next + 139);
            subroutines[i] = i < count - 1 || itself
                    ? new byte[] {call, 29, call, 29, 11} // callgsubr twice, return
                    : new byte[] {(byte) 139, (byte) 149, 5, 11}; // 0 10 rlineto, return
        }
        return subroutines;
    }

    /** A page of text in a simple Type 1 font embedded as these two segments: its clear text and its eexec part. */
    static byte[] pageInType1(byte[][] segments) {
        byte[] program = new byte[segments[0].length + segments[1].length];
        System.arraycopy(segments[0], 0, program, 0, segments[0].length);
        System.arraycopy(segments[1], 0, program, segments[0].length, segments[1].length);
        String lengths = "/Length1 " + segments[0].length + " /Length2 " + segments[1].length + " /Length3 0";
        return HostileStreams.pageInFont("/Subtype /Type1", "/FontFile", lengths, program);
    }
    /**
     * A Type 1 font whose private dictionary declares this many subroutines and holds these (each encrypted as a
     * charstring), with one glyph, "f", calling subroutine 0: its clear text and its eexec-encrypted part.
     */
    static byte[][] type1(String declaredSubroutines, byte[][] subroutines) {
        return type1("", "4", declaredSubroutines, subroutines);
    }

    /** The same, with these entries added to its font dictionary, and this charstring lead (lenIV). */
    static byte[][] type1(String entries, String lenIV, String declaredSubroutines, byte[][] subroutines) {
        String clear = "%!PS-AdobeFont-1.0: Hostile 001.000\n12 dict begin\n/FontName /Hostile def\n/PaintType 0 def\n"
                + entries
                + "/FontType 1 def\n/FontMatrix [0.001 0 0 0.001 0 0] readonly def\n"
                + "/FontBBox {0 0 1000 1000} readonly def\n/Encoding StandardEncoding def\n"
                + "currentdict end\ncurrentfile eexec\n";
        java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
        plain.writeBytes(new byte[4]);
        plain.writeBytes(("dup /Private 8 dict dup begin\n/RD{string currentfile exch readstring pop}executeonly def\n"
                        + "/ND{noaccess def}executeonly def\n/NP{noaccess put}executeonly def\n/lenIV " + lenIV
                        + " def\n"
                        + "/Subrs " + declaredSubroutines + " array\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < subroutines.length; i++) {
            byte[] charString = encrypt(subroutines[i], 4330);
            plain.writeBytes(("dup " + i + " " + charString.length + " RD ").getBytes(StandardCharsets.ISO_8859_1));
            plain.writeBytes(charString);
            plain.writeBytes(" NP\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        // f: 0 500 hsbw, 0 callsubr, endchar
        byte[] glyph = encrypt(new byte[] {(byte) 139, (byte) 248, (byte) 136, 13, (byte) 139, 10, 14}, 4330);
        plain.writeBytes(("ND\n2 index /CharStrings 1 dict dup begin\n/f " + glyph.length + " RD ")
                .getBytes(StandardCharsets.ISO_8859_1));
        plain.writeBytes(glyph);
        plain.writeBytes(
                " ND\nend\nend\nreadonly put\nput\ndup /FontName get exch definefont pop\nmark currentfile closefile\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
        return new byte[][] {clear.getBytes(StandardCharsets.ISO_8859_1), encrypt(plain.toByteArray(), 55665)};
    }

    /** Type 1 encryption (eexec with key 55665, charstrings with 4330), of bytes already led by 4 random ones. */
    private static byte[] encrypt(byte[] plain, int key) {
        byte[] withLead = plain;
        if (key == 4330) {
            withLead = new byte[plain.length + 4];
            System.arraycopy(plain, 0, withLead, 4, plain.length);
        }
        byte[] cipher = new byte[withLead.length];
        int r = key;
        for (int i = 0; i < withLead.length; i++) {
            int c = (withLead[i] & 0xFF) ^ (r >> 8);
            cipher[i] = (byte) c;
            r = ((c + r) * 52845 + 22719) & 0xFFFF;
        }
        return cipher;
    }

    /** Type 1 subroutines each calling the next twice (the last drawing a line): 2^count calls for one glyph. */
    static byte[][] type1Doubling(int count, boolean itself) {
        byte[][] subroutines = new byte[count][];
        for (int i = 0; i < count; i++) {
            byte call = (byte) ((itself ? i : i + 1) + 139);
            subroutines[i] = i < count - 1 || itself
                    ? new byte[] {call, 10, call, 10, 11} // callsubr twice, return
                    : new byte[] {(byte) 139, (byte) 149, 5, 11}; // 0 10 rlineto, return
        }
        return subroutines;
    }
}
