package com.ocrchat.bench;

import com.ocrchat.ocr.Document;
import com.ocrchat.ocr.DocumentLimits;
import com.ocrchat.ocr.Documents;
import com.ocrchat.ocr.EngineSettings;
import com.ocrchat.ocr.Jpeg;
import com.ocrchat.ocr.OcrPipeline;
import com.ocrchat.ocr.TesseractEngine;
import com.ocrchat.page.Page;
import com.ocrchat.settings.Env;
import com.ocrchat.testing.BilevelScans;
import com.ocrchat.testing.Cer;
import com.ocrchat.testing.TestDocuments;
import com.ocrchat.testing.TestPages;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * ./ocrchat bench: measurements printed as ratios against the tools people use, in the same run, never a
 * pass or fail: the engine per page against the tesseract command line (and both against the text drawn),
 * 2 OCR threads against 1, a born-digital page's text layer against OCR of it, the whole service on a
 * 12-page scan against ocrmypdf (drawn grey pages; the real pages as grey JPEGs and as CCITT G4), and a 30-page job with 1 worker against 2 (modelling Lambda, where each
 * worker has its own core).
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("ocrchat-bench");
        if (List.of(args).contains("--real-pages")) {
            // Only the real pages through the service (a minute or two): ./ocrchat bench --real-pages
            FanOutSimulation.run(RealPagesBench.run(work));
            System.exit(0);
        }
        if (List.of(args).contains("--more-real-pages")) {
            // 27 more real scans, fetched once from Debian's archive (three or four minutes): ./ocrchat bench
            // --more-real-pages
            LeptonicaPagesBench.run(work);
            System.exit(0);
        }
        if (List.of(args).contains("--scans")) {
            // Only the four 12-page scans against ocrmypdf (six or seven minutes): ./ocrchat bench --scans
            scans(work);
            System.exit(0);
        }
        List<BufferedImage> pages = densePages(12);
        List<String> truth = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            truth.add(String.join(" ", truthLines(i + 1)));
        }
        TesseractEngine engine = new TesseractEngine(
                EngineSettings.from(Env.fromEnvironment()).tessdata().orElse(null));

        System.out.printf(
                Locale.ROOT,
                "Engine: %d dense A4 pages at 150 dpi, one at a time, against the tesseract command line (OMP_THREAD_LIMIT=1)%n",
                pages.size());
        engine.read(pages.get(0), 0, "eng"); // warm handles, as a warm Lambda has them
        double ours = 0;
        double oursErrors = 0;
        double cli = 0;
        double cliErrors = 0;
        for (int i = 0; i < pages.size(); i++) {
            long start = System.nanoTime();
            Page page = engine.read(pages.get(i), i, "eng").page();
            ours += (System.nanoTime() - start) / 1e9;
            oursErrors += Cer.of(truth.get(i), page.text());
            Path png = work.resolve("page" + i + ".png");
            Files.write(png, TestDocuments.png(pages.get(i)));
            start = System.nanoTime();
            String cliText = tesseractCli(png);
            cli += (System.nanoTime() - start) / 1e9;
            cliErrors += Cer.of(truth.get(i), cliText);
        }
        System.out.printf(
                Locale.ROOT,
                "  per page: ours %.2f s, tesseract CLI %.2f s: %.2fx (target <= 0.9x)%n",
                ours / pages.size(),
                cli / pages.size(),
                ours / cli);
        System.out.printf(
                Locale.ROOT,
                "  character error rate against the drawn text: ours %.2f%%, tesseract CLI %.2f%%%n",
                100 * oursErrors / pages.size(),
                100 * cliErrors / pages.size());

        // A lone page, as an inline request's is read: on two threads (these pages are one column, cut across).
        TesseractEngine twoThreads = new TesseractEngine(
                EngineSettings.from(Env.fromEnvironment()).tessdata().orElse(null),
                100_000_000L,
                java.time.Duration.ofSeconds(60),
                2);
        twoThreads.read(pages.get(0), 0, "eng");
        double lone = 0;
        double loneErrors = 0;
        for (int i = 0; i < pages.size(); i++) {
            long start = System.nanoTime();
            Page page = twoThreads.read(pages.get(i), i, "eng").page();
            lone += (System.nanoTime() - start) / 1e9;
            loneErrors += Cer.of(truth.get(i), page.text());
        }
        System.out.printf(
                Locale.ROOT,
                "  a lone page on two threads (cut across, halves read at once): %.2f s a page: %.2fx the CLI; "
                        + "character error rate %.2f%%%n",
                lone / pages.size(),
                lone / cli,
                100 * loneErrors / pages.size());

        byte[] tiff = TestDocuments.multiPageTiff(pages);
        double oneCore = pipeline(engine, tiff, 1);
        double twoCores = pipeline(engine, tiff, 2);
        System.out.printf(
                Locale.ROOT,
                "Parallel pages (%d-page TIFF): 1 thread %.1f s, 2 threads %.1f s: %.2fx (target >= 1.8x)%n",
                pages.size(),
                oneCore,
                twoCores,
                oneCore / twoCores);

        byte[] bornDigital = TestDocuments.textPdf(List.of(truthLines(1)));
        double read = 0;
        double recognized = 0;
        try (Document document = Documents.open(bornDigital, new DocumentLimits(100_000_000L, 300))) {
            for (int i = 0; i < 30; i++) {
                document.textLayer(0); // warm the JIT, as a warm function is
            }
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                document.textLayer(0).orElseThrow();
                read += (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                engine.read(document.render(0), 0, "eng");
                recognized += (System.nanoTime() - start) / 1e9;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "Born-digital PDF page: text layer %.1f ms, render + OCR %.0f ms: %.0fx faster (target >= 100x)%n",
                1000 * read / 5,
                1000 * recognized / 5,
                recognized / read);

        double realSecondsPerPage = RealPagesBench.run(work);

        scans(work);

        byte[] scan = TestDocuments.scannedPdf(densePages(30));
        System.out.printf(
                Locale.ROOT,
                "Large jobs: a 30-page scanned PDF (A4, 18 lines a page), chunks of 5 pages, through the local server%n");
        double one = largeJob(scan, 1).seconds();
        System.out.printf(Locale.ROOT, "  1 worker  (1 OCR thread):  %6.1f s%n", one);
        double two = largeJob(scan, 2).seconds();
        System.out.printf(Locale.ROOT, "  2 workers (2 OCR threads): %6.1f s%n", two);
        System.out.printf(Locale.ROOT, "  speed-up with 2 workers: %.2fx (target >= 1.7x)%n", one / two);
        FanOutSimulation.run(realSecondsPerPage);
        System.exit(0);
    }

    /** The 150-dpi drawn pages at twice the size (smoothly, as a 300-dpi scan of them would be), to be thresholded. */
    private static List<BufferedImage> enlarged(List<BufferedImage> pages) {
        List<BufferedImage> enlarged = new ArrayList<>();
        for (BufferedImage page : pages) {
            BufferedImage large =
                    new BufferedImage(2 * page.getWidth(), 2 * page.getHeight(), BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = large.createGraphics();
            g.setRenderingHint(
                    java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(page, 0, 0, large.getWidth(), large.getHeight(), null);
            g.dispose();
            enlarged.add(large);
        }
        return enlarged;
    }

    /**
     * Four 12-page scans, each against ocrmypdf: drawn grey pages; the real pages in grey as JPEGs (as a scanner's
     * grey or colour setting makes them); the real black-and-white pages (dense); the drawn pages in black and white
     * at 300 dpi (lighter, as an office scan of a letter is).
     */
    private static void scans(Path work) throws Exception {
        scannedPdfAgainstOcrmypdf(
                work, "Scanned PDF (drawn pages, grey)", TestDocuments.scannedPdf(densePages(12)), 12);
        scannedPdfAgainstOcrmypdf(work, "Grey scan (the real pages, JPEG at 300 dpi)", realGreyScan(12), 12);
        scannedPdfAgainstOcrmypdf(work, "Black-and-white scan (the real pages, CCITT G4)", realBilevelScan(12), 12);
        scannedPdfAgainstOcrmypdf(
                work,
                "Black-and-white scan (drawn pages at 300 dpi, CCITT G4)",
                BilevelScans.pdf(enlarged(densePages(200, 12)), 300),
                12);
    }

    /**
     * The whole service (local server, 2 workers) turning a scan into a searchable PDF, against ocrmypdf -j 2: the
     * time, the size of each PDF, and how far their texts differ.
     */
    private static void scannedPdfAgainstOcrmypdf(Path work, String label, byte[] scan, int pageCount)
            throws Exception {
        Timed service = largeJob(scan, 2);
        if (!Files.isExecutable(Path.of("/usr/bin/ocrmypdf"))) {
            System.out.printf(
                    Locale.ROOT,
                    "%s, %d pages, to searchable PDF: ours %.1f s; ocrmypdf is not installed "
                            + "(apt-get install ocrmypdf; ./ocrchat bench installs it when run as root)%n",
                    label,
                    pageCount,
                    service.seconds());
            return;
        }
        Path input = work.resolve("scan.pdf");
        Files.write(input, scan);
        long start = System.nanoTime();
        Process ocrmypdf = new ProcessBuilder(
                        "ocrmypdf",
                        "-j",
                        "2",
                        "--output-type",
                        "pdf",
                        "-q",
                        input.toString(),
                        work.resolve("ocrmypdf.pdf").toString())
                .redirectErrorStream(true)
                .start();
        String log = new String(ocrmypdf.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ocrmypdf.waitFor(600, TimeUnit.SECONDS) || ocrmypdf.exitValue() != 0) {
            System.out.println("  ocrmypdf failed: " + log);
            return;
        }
        double theirs = (System.nanoTime() - start) / 1e9;
        byte[] theirPdf = Files.readAllBytes(work.resolve("ocrmypdf.pdf"));
        System.out.printf(
                Locale.ROOT,
                "%s, %d pages (%.1f MB), to searchable PDF: ours (upload, OCR, export, download) %.1f s, "
                        + "ocrmypdf -j 2 %.1f s: %.2fx (target <= 0.7x)%n"
                        + "  the PDFs: ours %.1f MB, ocrmypdf's %.1f MB; their texts differ in %.1f%% of characters%n",
                label,
                pageCount,
                scan.length / 1e6,
                service.seconds(),
                theirs,
                service.seconds() / theirs,
                service.pdf().length / 1e6,
                theirPdf.length / 1e6,
                100 * Cer.of(text(theirPdf), text(service.pdf())));
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /**
     * The real scans (bench/real), every one, in grey as a PDF as a scanner's grey setting makes one: each page one JPEG
     * (quality 0.8) read as 300 dpi, the page its size; taken in turn until there are {@code pageCount} pages. Larger
     * than one local request carries (16.5 MB), it is sent as an upload.
     */
    static byte[] realGreyScan(int pageCount) throws Exception {
        List<Path> scans;
        try (Stream<Path> files = Files.list(RealPagesBench.PAGES)) {
            scans = files.filter(file -> !file.toString().endsWith(".md"))
                    .sorted()
                    .toList();
        }
        try (PDDocument pdf = new PDDocument();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            for (int i = 0; i < pageCount; i++) {
                BufferedImage scan = ImageIO.read(scans.get(i % scans.size()).toFile());
                BufferedImage grey = new BufferedImage(scan.getWidth(), scan.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
                java.awt.Graphics2D g = grey.createGraphics();
                g.drawImage(scan, 0, 0, null);
                g.dispose();
                PDImageXObject jpeg = JPEGFactory.createFromByteArray(pdf, Jpeg.encode(grey));
                PDRectangle size = new PDRectangle(grey.getWidth() * 72f / 300, grey.getHeight() * 72f / 300);
                PDPage page = new PDPage(size);
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.drawImage(jpeg, 0, 0, size.getWidth(), size.getHeight());
                }
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }

    /**
     * The real black-and-white scans (bench/real) as a PDF as office scanners make one: each page its 300-dpi image
     * in CCITT Group 4, the page its size; the scans are taken in turn until there are {@code pageCount} pages.
     */
    static byte[] realBilevelScan(int pageCount) throws Exception {
        List<BufferedImage> scans = new ArrayList<>();
        try (Stream<Path> files = Files.list(RealPagesBench.PAGES)) {
            for (Path file : files.sorted().toList()) {
                BufferedImage image = ImageIO.read(file.toFile());
                if (image != null && image.getColorModel().getPixelSize() == 1) {
                    scans.add(image);
                }
            }
        }
        if (scans.isEmpty()) {
            throw new IllegalStateException("no black-and-white page in " + RealPagesBench.PAGES);
        }
        List<BufferedImage> pages = new ArrayList<>();
        for (int i = 0; i < pageCount; i++) {
            pages.add(scans.get(i % scans.size()));
        }
        return BilevelScans.pdf(pages, 300);
    }

    private static double pipeline(TesseractEngine engine, byte[] tiff, int threads) {
        OcrPipeline pipeline = new OcrPipeline(engine, threads);
        try (Document document = Documents.open(tiff, new DocumentLimits(100_000_000L, 300))) {
            long start = System.nanoTime();
            pipeline.recognize(document, "eng");
            return (System.nanoTime() - start) / 1e9;
        }
    }

    static String tesseractCli(Path png) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("tesseract", png.toString(), "stdout", "-l", "eng");
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        Process process = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(120, TimeUnit.SECONDS);
        return text;
    }

    static List<BufferedImage> densePages(int count) {
        return densePages(1, count);
    }

    /** Pages {@code first} to {@code first + count - 1}, each saying what {@link #truthLines} says for it. */
    static List<BufferedImage> densePages(int first, int count) {
        List<BufferedImage> pages = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            pages.add(TestPages.page("Page " + i, truthLines(i).subList(1, 19)));
        }
        return pages;
    }

    private static final String[] WORDS = ("the committee reviewed invoice and approved payment for quarterly supplies "
                    + "while staff counted inventory at warehouse near Springfield before December audit of freight costs "
                    + "which rose by percent after contracts with new carriers were signed in March")
            .split(" ");

    /** What a bench page says: its title, then 18 lines of varied words (identical lines would align into false columns). */
    static List<String> truthLines(int page) {
        java.util.Random random = new java.util.Random(page);
        List<String> lines = new ArrayList<>(List.of("Page " + page));
        for (int line = 1; line <= 18; line++) {
            StringBuilder text = new StringBuilder();
            while (text.length() < 48) {
                text.append(text.isEmpty() ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            lines.add(text + " " + (1000 + page * 20 + line) + ".");
        }
        return lines;
    }

    private record Timed(double seconds, byte[] pdf) {}

    /**
     * Seconds from POST to the searchable PDF downloaded, on a fresh in-memory server with {@code workers}
     * pollers and as many OCR threads.
     */
    private static Timed largeJob(byte[] pdf, int workers) throws Exception {
        try (BenchServer server = BenchServer.start(workers, List.of())) {
            // A warm-up job of the same kind (six other dense scanned pages, to the searchable PDF), so both runs
            // measure a warm service, as a warm Lambda is: its JVM's compiled code and Tesseract's handles.
            String warm = server.submit(TestDocuments.scannedPdf(densePages(100, 6)), "warm.pdf", Map.of())
                    .get("uuid")
                    .asText();
            server.await(warm);
            server.download(warm, "pdf");
            long start = System.nanoTime();
            String uuid = server.submit(pdf, "bench.pdf", Map.of()).get("uuid").asText();
            server.await(uuid);
            byte[] searchable = server.download(uuid, "pdf");
            return new Timed((System.nanoTime() - start) / 1e9, searchable);
        }
    }
}
