package com.ocrchat.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Images whose few bytes make the JDK's own decoders spend: a sample format of 64-bit floats or a thousand samples a
 * pixel (the raster is allocated before any data is read), a progressive JPEG of thousands of empty scans (the whole
 * image is drawn again after each, inside one native call), a BMP holding a JPEG or PNG whose claimed size is
 * allocated at once.
 */
final class HostileDecoders {
    private HostileDecoders() {}

    static List<HostileInputs.Hostile> images() {
        return List.of(
                new HostileInputs.Hostile(
                        "bmp-holding-a-png-claiming-2gb",
                        bmpHolding(5, new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
                        "BMP file holding a PNG"),
                new HostileInputs.Hostile(
                        "bmp-holding-a-jpeg-claiming-2gb",
                        bmpHolding(4, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}),
                        "BMP file holding a JPEG"),
                new HostileInputs.Hostile(
                        "jpeg-progressive-10000-square-of-2000-empty-scans",
                        progressiveScans(10_000, 10_000, 2000),
                        "more scans than this server decodes"),
                // PDFBox hands a DCT image to the same reader, which decodes every scan whole however it subsamples.
                new HostileInputs.Hostile(
                        "pdf-progressive-jpeg-of-2000-empty-scans",
                        HostileStreams.image(
                                "/Width 4000 /Height 4000 /ColorSpace /DeviceGray /BitsPerComponent 8"
                                        + " /Filter /DCTDecode",
                                progressiveScans(4000, 4000, 2000)),
                        "would be decoded 2001 times"),
                // The reader takes a first image of tables only as tables, and decodes the image after it.
                new HostileInputs.Hostile(
                        "jpeg-of-tables-only-then-2000-empty-scans",
                        concat(
                                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9},
                                progressiveScans(10_000, 10_000, 2000)),
                        "more scans than this server decodes"),
                new HostileInputs.Hostile(
                        "tiff-old-style-jpeg-strip-of-2000-empty-scans",
                        tiff(4000, 4000, 1, 8, 1, 6, progressiveScans(4000, 4000, 2000)),
                        "more scans than this server decodes"),
                new HostileInputs.Hostile(
                        "tiff-strip-of-a-progressive-jpeg-of-2000-empty-scans",
                        tiff(4000, 4000, 1, 8, 1, 7, progressiveScans(4000, 4000, 2000)),
                        "more scans than this server decodes"),
                new HostileInputs.Hostile(
                        "tiff-100mp-of-64-bit-float-rgba",
                        tiff(10_000, 10_000, 4, 64, 3, 1, new byte[1]),
                        "MB this server decodes per page"),
                new HostileInputs.Hostile(
                        "tiff-1mp-of-1024-samples",
                        tiff(1000, 1000, 1024, 8, 1, 1, new byte[1]),
                        "MB this server decodes per page"));
    }

    /** A 1x1 BMP whose data is an embedded image (compression 4: JPEG, 5: PNG) claiming 2 GB. */
    private static byte[] bmpHolding(int compression, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(54 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(54 + payload.length).putInt(0).putInt(54);
        b.putInt(40).putInt(1).putInt(1).putShort((short) 1).putShort((short) 0);
        b.putInt(compression)
                .putInt(0x7FFFFFF0)
                .putInt(2835)
                .putInt(2835)
                .putInt(0)
                .putInt(0);
        b.put(payload);
        return b.array();
    }

    /**
     * A grey progressive JPEG: a DC scan, then {@code scans} empty AC scans, each only its header (libjpeg warns of
     * the missing data and goes on, all coefficients zero).
     */
    private static byte[] progressiveScans(int width, int height, int scans) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
        byte[] quantization = new byte[65];
        java.util.Arrays.fill(quantization, 1, 65, (byte) 1);
        segment(out, 0xDB, quantization);
        segment(out, 0xC2, new byte[] {
            8, (byte) (height >> 8), (byte) height, (byte) (width >> 8), (byte) width, 1, 1, 0x11, 0
        });
        for (int tableClass = 0; tableClass < 2; tableClass++) {
            byte[] table = new byte[18]; // one symbol, 0, with the one-bit code 0
            table[0] = (byte) (tableClass << 4);
            table[1] = 1;
            segment(out, 0xC4, table);
        }
        segment(out, 0xDA, new byte[] {1, 1, 0, 0, 0, 0}); // DC
        for (int scan = 0; scan < scans; scan++) {
            segment(out, 0xDA, new byte[] {1, 1, 0, 1, 63, 0}); // AC 1-63, empty
        }
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] body) {
        out.writeBytes(
                new byte[] {(byte) 0xFF, (byte) marker, (byte) ((body.length + 2) >> 8), (byte) (body.length + 2)});
        out.writeBytes(body);
    }

    /** A TIFF of one strip, this data, of {@code samples} samples of {@code bits} bits a pixel, so compressed. */
    private static byte[] tiff(
            int width, int height, int samples, int bits, int sampleFormat, int compression, byte[] strip) {
        int stripAt = 8 + 2 + 12 * 10 + 4; // after the header and an IFD of ten entries
        int[][] entries = {
            {256, 4, width}, {257, 4, height}, {258, 3, bits}, {259, 3, compression}, {262, 3, samples >= 3 ? 2 : 1},
            {273, 4, stripAt}, {277, 3, samples}, {278, 4, height}, {279, 4, strip.length}, {339, 3, sampleFormat}
        };
        byte[] tiff = HostileImages.tiffOfEntries(entries, stripAt + strip.length);
        System.arraycopy(strip, 0, tiff, stripAt, strip.length);
        return tiff;
    }
}
