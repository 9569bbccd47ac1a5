package com.ocrchat.ocr;

import com.ocrchat.error.UnsupportedDocument;
import com.ocrchat.page.Page;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;

/**
 * A PDF whose pages are read from their text layer where they have a trustworthy one, or rasterized one at
 * a time with PDFBox, in grey: at the configured dpi, or at a scan's own resolution when lower.
 */
final class PdfDocument implements Document {
    private final PDDocument pdf;
    private final PageResourceBudget reachable;
    private final BudgetedRenderer renderer;
    private final DocumentLimits limits;
    private final int pageCount;
    private final java.util.Map<Integer, Float> renderedDpi = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<Integer> contentsWithinBudget = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private PdfDocument(PDDocument pdf, DocumentLimits limits, int pageCount) {
        this.pdf = pdf;
        this.reachable = new PageResourceBudget(pdf);
        this.renderer = new BudgetedRenderer(pdf, this::budget, reachable, true);
        this.limits = limits;
        this.pageCount = pageCount;
    }

    static PdfDocument open(byte[] bytes, DocumentLimits limits) {
        DecodeBudget streams = new DecodeBudget(limits.maxDecodedBytes());
        PDDocument pdf = null;
        Throwable failure = null;
        try {
            // Streams PDFBox writes are held in memory up to the budget, never spilled to disk.
            pdf = streams.apply(() -> PdfLoader.load(
                    bytes, MemoryUsageSetting.setupMainMemoryOnly(limits.maxDecodedBytes()).streamCache));
            PDDocument loaded = pdf;
            int pages = streams.apply(() -> countPages(loaded, limits));
            if (streams.exceeded() == null) {
                return new PdfDocument(pdf, limits, pages);
            }
        } catch (InvalidPasswordException e) {
            throw new UnsupportedDocument("The PDF is encrypted or password-protected; upload it without a password");
        } catch (IOException | RuntimeException e) {
            failure = e;
        } catch (StackOverflowError e) { // PDFBox walks a rebuilt file's objects recursively, chain by chain
            failure = new IOException("its objects nest too deep", e);
        }
        if (pdf != null) {
            closeQuietly(pdf);
        }
        // Over budget whatever PDFBox made of the refused stream; else the client's file is at fault.
        if (streams.exceeded() != null) {
            throw streamOverBudget(0, streams.exceeded(), limits);
        }
        if (failure instanceof com.ocrchat.error.OcrChatException known) {
            throw known;
        }
        throw new UnsupportedDocument("The PDF is corrupt or truncated and cannot be read"
                + (failure.getMessage() != null ? " (" + failure.getMessage() + ")" : ""));
    }

    /** The pages, counted without trusting the file, each with an area to draw. */
    private static int countPages(PDDocument pdf, DocumentLimits limits) {
        int pages = PdfPageTree.count(pdf, limits.maxPages());
        if (pages < 1) {
            throw new UnsupportedDocument("The PDF has no pages");
        }
        for (int index = 0; index < pages; index++) {
            PDRectangle box = pdf.getPage(index).getCropBox();
            if (!(box.getWidth() >= 1 && box.getHeight() >= 1)
                    || !Float.isFinite(box.getWidth())
                    || !Float.isFinite(box.getHeight())) {
                throw UnsupportedDocument.onPage(index + 1, "of the PDF has no area and cannot be rendered", null);
            }
        }
        return pages;
    }

    @Override
    public DocumentType type() {
        return DocumentType.PDF;
    }

    @Override
    public int pageCount() {
        return pageCount;
    }

    @Override
    public BufferedImage render(int index) {
        DecodeBudget streams = new DecodeBudget(limits.maxDecodedBytes());
        BufferedImage image = null;
        Throwable failure = null; // a page nesting past a thread's stack is as unreadable as a corrupt one
        AtomicBoolean drawn = new AtomicBoolean();
        try {
            image = streams.apply(() -> {
                PDPage page = pdf.getPage(index);
                float dpi = Math.min(dpiFor(page), ScanResolution.of(page).orElse(Float.MAX_VALUE));
                renderedDpi.put(index, dpi);
                checkContents(streams, index, page);
                BufferedImage scan = ScanPixels.of(page, dpi, limits).orElse(null);
                drawn.set(scan == null); // the renderer's verdicts below are this page's only if it drew it
                return scan != null ? scan : renderer.renderImageWithDPI(index, dpi, ImageType.GRAY);
            });
        } catch (IOException | RuntimeException | StackOverflowError e) {
            failure = e;
        }
        // A budget's refusal whatever PDFBox made of it (it may swallow a failed stream); else the page is corrupt.
        if (streams.exceeded() != null) {
            throw streamOverBudget(index + 1, streams.exceeded(), limits);
        }
        if (drawn.get() && renderer.exceeded() != null) {
            throw overBudget(index, renderer.exceeded());
        }
        if (failure instanceof com.ocrchat.error.OcrChatException known) {
            throw known;
        }
        if (failure == null && drawn.get() && renderer.undecodable() != null) { // else charged for text not there
            throw UnsupportedDocument.onPage(index + 1, renderer.undecodable(), null);
        }
        if (failure != null) {
            String why = failure.getMessage() != null ? " (" + failure.getMessage() + ")" : "";
            throw UnsupportedDocument.onPage(index + 1, "of the PDF is corrupt and cannot be rendered" + why, failure);
        }
        return image;
    }

    /**
     * The page drawn without its text, small, on what its reading left of the page's budgets (and a tenth of its
     * time at most); null past them, and its white text is taken as unseen.
     */
    private BufferedImage ground(int index, OperatorBudget reading) {
        if (reading.exceeded() != null) {
            return null; // the page is refused
        }
        OperatorBudget drawing = reading.remainder(limits.pageTimeBudget().toMillis() / 10);
        BudgetedRenderer textless = new BudgetedRenderer(pdf, () -> drawing, reachable, false);
        DecodeBudget streams = DecodeBudget.current().remainder();
        float dpi = (float) Math.min(
                LightText.GROUND_DPI,
                DocumentLimits.fittingDpi(pdf.getPage(index).getCropBox(), LightText.MOST_GROUND_PIXELS));
        try {
            BufferedImage drawn = streams.apply(() -> textless.renderImageWithDPI(index, dpi, ImageType.GRAY));
            return streams.exceeded() == null && textless.exceeded() == null ? drawn : null;
        } catch (IOException | RuntimeException | StackOverflowError overBudget) {
            return null;
        }
    }

    /** A page's own contents counted once, before the first of its text layer and its drawing parses them. */
    private void checkContents(DecodeBudget streams, int index, PDPage page) throws IOException {
        if (!contentsWithinBudget.contains(index)) {
            streams.checkContents(page);
            contentsWithinBudget.add(index);
        }
    }

    private OperatorBudget budget() {
        return new OperatorBudget(
                limits.maxOperatorsPerPage(), limits.pageTimeBudget().toMillis(), reachable::font);
    }

    /** A stream of the PDF (on a page, or 0 for the file itself) decodes past {@link DocumentLimits#maxDecodedBytes}. */
    private static com.ocrchat.error.LimitExceeded streamOverBudget(int page, String why, DocumentLimits limits) {
        return new com.ocrchat.error.LimitExceeded(
                (page > 0 ? "Page " + page + " of the PDF" : "The PDF") + " is over this server's budget: " + why,
                page > 0
                        ? java.util.Map.of(
                                "page", page, "max_decoded_mb", DecodeBudget.megabytes(limits.maxDecodedBytes()))
                        : java.util.Map.of("max_decoded_mb", DecodeBudget.megabytes(limits.maxDecodedBytes())));
    }

    private com.ocrchat.error.LimitExceeded overBudget(int index, String why) {
        return new com.ocrchat.error.LimitExceeded(
                "Page " + (index + 1) + " of the PDF is over this server's budget for a page: " + why,
                java.util.Map.of(
                        "page",
                        index + 1,
                        "max_operators_per_page",
                        limits.maxOperatorsPerPage(),
                        "max_seconds_per_page",
                        limits.pageTimeBudget().toSeconds()));
    }

    @Override
    public Optional<Page> textLayer(int index) {
        OperatorBudget budget = budget();
        DecodeBudget streams = new DecodeBudget(limits.maxDecodedBytes());
        Optional<Page> read;
        try {
            read = streams.apply(() -> {
                PDPage page = pdf.getPage(index);
                checkContents(streams, index, page);
                // Text is read through the fonts' CMaps, and its colours through the same functions as in drawing.
                String overBudget = reachable.overBudget(page, budget);
                if (overBudget != null) {
                    throw budget.stop(overBudget);
                }
                float dpi = dpiFor(page);
                PDRectangle box = page.getCropBox();
                boolean turned = page.getRotation() % 180 != 0;
                // At least a pixel, as the drawing has it.
                int width = Math.max(1, Math.round((turned ? box.getHeight() : box.getWidth()) * dpi / 72f));
                int height = Math.max(1, Math.round((turned ? box.getWidth() : box.getHeight()) * dpi / 72f));
                return PdfTextLayer.read(pdf, index, dpi, width, height, budget, () -> ground(index, budget));
            });
        } catch (com.ocrchat.error.LimitExceeded refused) {
            throw refused; // more words than a page may hold
        } catch (IOException | RuntimeException | StackOverflowError refused) {
            read = Optional.empty(); // over a budget, said below; or unreadable, and the page is drawn instead
        }
        if (streams.exceeded() != null) {
            throw streamOverBudget(index + 1, streams.exceeded(), limits);
        }
        if (budget.exceeded() != null) {
            throw overBudget(index, budget.exceeded());
        }
        return read;
    }

    @Override
    public byte[] pageAsPdf(int index) {
        DecodeBudget streams = new DecodeBudget(limits.maxDecodedBytes());
        try {
            // The page on its own, for exports that keep text-layer pages as they were.
            return streams.apply(() -> {
                try (PDDocument single = new PDDocument();
                        var out = new java.io.ByteArrayOutputStream()) {
                    single.importPage(pdf.getPage(index));
                    single.save(out);
                    return out.toByteArray();
                }
            });
        } catch (IOException e) {
            if (streams.exceeded() != null) {
                throw streamOverBudget(index + 1, streams.exceeded(), limits);
            }
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public Optional<byte[]> ownJpeg(int index) {
        return ScanJpeg.of(pdf.getPage(index));
    }

    /** Boxes of a page rendered at its scan's own resolution are given in the page space of the configured dpi. */
    @Override
    public Page toPageSpace(Page recognized) {
        PDPage page = pdf.getPage(recognized.index());
        float target = dpiFor(page);
        float used = renderedDpi.getOrDefault(recognized.index(), target);
        if (Math.abs(target - used) < 0.01f) {
            return recognized;
        }
        double factor = target / used;
        return recognized.scaled(
                factor, (int) Math.round(recognized.width() * factor), (int) Math.round(recognized.height() * factor));
    }

    /**
     * The configured dpi, lowered for a page so large that its raster would pass the pixel limit, or a side the
     * longest a page image may have. A side shorter than a pixel is still drawn one pixel across, so the longest side
     * must fit both on its own (a page a billion points wide and three high).
     */
    private float dpiFor(PDPage page) {
        double fits = DocumentLimits.fittingDpi(page.getCropBox(), limits.maxPixelsPerPage());
        if (fits >= limits.pdfDpi()) {
            return limits.pdfDpi();
        }
        // Whole dots per inch where they fit; below one, a fraction (a page hundreds of metres across), kept under.
        return (float) (fits >= 1 ? Math.floor(fits) : fits * 0.999);
    }

    @Override
    public void close() {
        closeQuietly(pdf);
    }

    private static void closeQuietly(PDDocument pdf) {
        try {
            pdf.close();
        } catch (IOException ignored) {
            // The PDF was read from memory; nothing is left open.
        }
    }
}
