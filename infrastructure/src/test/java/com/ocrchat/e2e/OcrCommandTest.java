package com.ocrchat.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.local.LocalServer;
import com.ocrchat.local.TestServer;
import com.ocrchat.testing.TestDocuments;
import com.ocrchat.testing.TestPages;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./ocrchat ocr's client, run as its own process against the local server, as a user runs it. */
class OcrCommandTest {
    private static LocalServer server;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        server = TestServer.get();
    }

    @Test
    void anElevenMegabyteTwelvePageScanIsUploadedFollowedAndWrittenAsMarkdown() throws Exception {
        Files.write(work.resolve("scan.pdf"), grainyScan(12));
        long size = Files.size(work.resolve("scan.pdf"));
        assertTrue(size > 10_500_000 && size < 13_000_000, "an 11 MB scan: " + size);

        Run run = ocr("scan.pdf", "--format", "md");

        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().lines().anyMatch(line -> line.matches("scan\\.pdf: \\d+/12 pages")), run.output());
        assertTrue(run.output().contains("scan.pdf: wrote "), run.output());
        String markdown = Files.readString(work.resolve("scan.md"), StandardCharsets.UTF_8);
        assertTrue(
                markdown.contains("Section 1 of the report.") && markdown.contains("Section 12 of the report."),
                markdown);
    }

    @Test
    void severalFilesGoAtOnceAndAFileTheServerRefusesFailsTheRunWithItsMessage() throws Exception {
        Files.write(work.resolve("invoice.png"), TestDocuments.png(TestPages.invoiceImage()));
        Files.write(
                work.resolve("minutes.png"), TestDocuments.png(TestPages.page("Minutes", List.of("The board met."))));
        Files.writeString(work.resolve("notes.txt"), "not a document");
        Files.createDirectories(work.resolve("out"));

        Run run = ocr("invoice.png", "minutes.png", "notes.txt", "--format", "alto", "-o", "out");

        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("notes.txt: HTTP 400: "), run.output());
        assertTrue(Files.readString(work.resolve("out/invoice.xml")).contains("CONTENT=\"INVOICE\""));
        assertTrue(Files.readString(work.resolve("out/minutes.xml")).contains("CONTENT=\"Minutes\""));

        Run usage = ocr("--format", "rtf", "invoice.png");
        assertEquals(2, usage.exit(), usage.output());
        assertTrue(usage.output().contains("--format is one of"), usage.output());
    }

    record Run(int exit, String output) {}

    private Run ocr(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "com.ocrchat.cli.OcrCommand",
                "--server",
                server.url(),
                "--token",
                server.devToken()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("OCRCHAT_CWD", work.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES));
        return new Run(process.exitValue(), output);
    }

    /** Pages as a scanner gives them: light grain all over, which lossless compression keeps (about 0.9 MB a page). */
    static byte[] grainyScan(int pages) {
        Random random = new Random(7);
        List<BufferedImage> scans = new ArrayList<>();
        for (BufferedImage page : LargeJobsTest.numberedPages(pages)) {
            BufferedImage grey = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            grey.getGraphics().drawImage(page, 0, 0, null);
            var raster = grey.getRaster();
            for (int y = 0; y < grey.getHeight(); y++) {
                for (int x = 0; x < grey.getWidth(); x++) {
                    if (random.nextInt(100) < GRAIN_PERCENT) {
                        raster.setSample(x, y, 0, Math.max(0, raster.getSample(x, y, 0) - 20 - random.nextInt(40)));
                    }
                }
            }
            scans.add(grey);
        }
        return TestDocuments.scannedPdf(scans);
    }

    private static final int GRAIN_PERCENT = 42;
}
