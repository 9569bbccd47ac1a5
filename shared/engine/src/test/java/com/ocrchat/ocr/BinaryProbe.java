package com.ocrchat.ocr;

import com.ocrchat.settings.Env;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.ByteBuffer;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class BinaryProbe {
    @Test
    void probe() throws Exception {
        var handles = new TesseractHandles(
                EngineSettings.from(Env.of(Map.of())).tessdata().orElse(null));
        var api = TesseractHandles.api();
        for (String name : System.getProperty("probe.files", "tickets.tif").split(",")) {
            BufferedImage raw = ImageIO.read(new File("/tmp/probe/" + name));
            int w = raw.getWidth(), h = raw.getHeight();
            byte[] grey = GreyPixels.of(raw);
            int stride = (w + 7) / 8;
            byte[] packed = new byte[stride * h];
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                    if ((grey[y * w + x] & 0xff) >= 128) packed[y * stride + x / 8] |= (byte) (0x80 >> (x % 8));
            for (int round = 0; round < 3; round++) {
                for (boolean binary : new boolean[] {false, true}) {
                    var handle = handles.recognizer("eng");
                    ByteBuffer buf = ByteBuffer.allocateDirect(binary ? packed.length : grey.length);
                    buf.put(binary ? packed : grey).flip();
                    api.TessBaseAPISetPageSegMode(handle, 3);
                    long a = System.nanoTime();
                    api.TessBaseAPISetImage(handle, buf, w, h, binary ? 0 : 1, binary ? stride : w);
                    api.TessBaseAPISetSourceResolution(handle, 300);
                    var regions = PageRegions.analyse(api, handle, w, h);
                    long b = System.nanoTime();
                    api.TessBaseAPIRecognize(handle, null);
                    long c = System.nanoTime();
                    String text = api.TessBaseAPIGetUTF8Text(handle).getString(0);
                    api.TessBaseAPIClear(handle);
                    System.out.printf(
                            "%-18s %s analyse %d ms recognize %d ms regions %d text %d chars hash %d%n",
                            name,
                            binary ? "binary" : "grey  ",
                            (b - a) / 1_000_000,
                            (c - b) / 1_000_000,
                            regions.size(),
                            text.length(),
                            text.hashCode());
                }
            }
        }
    }
}
