package com.ocrchat.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.MissingImageReaderException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType3CharProc;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDPattern;
import org.apache.pdfbox.pdmodel.graphics.form.PDTransparencyGroup;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.pattern.PDShadingPattern;
import org.apache.pdfbox.pdmodel.graphics.pattern.PDTilingPattern;
import org.apache.pdfbox.pdmodel.graphics.shading.PDShading;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/** PDFBox's renderer with an {@link OperatorBudget} for every page it draws; its text drawn, or left out. */
final class BudgetedRenderer extends PDFRenderer {
    private final Supplier<OperatorBudget> budgets;
    private final boolean drawsText;
    private volatile OperatorBudget budget;
    private volatile String undecodable;
    private final PageResourceBudget reachable;

    BudgetedRenderer(
            PDDocument document, Supplier<OperatorBudget> budgets, PageResourceBudget reachable, boolean drawsText) {
        super(document);
        this.budgets = budgets;
        this.drawsText = drawsText;
        this.reachable = reachable;
        setSubsamplingAllowed(true); // an image far larger than the page's raster is decoded subsampled
    }

    private static final int MOST_BUFFERS_OPEN = 8;

    /** The paint of a pattern that is not computed: mid-grey, so that text filled with it stays legible. */
    private static final Paint FLAT = new Color(128, 128, 128);

    /**
     * Shadings that PDFBox computes for every pixel they cover, per triangle or per function call: a 5 KB mesh of
     * 100 triangles each covering half a page takes it 56 s at 300 dpi, with no way to stop it in the middle. Mostly
     * gradients behind the content: painted with "sh" they are left undrawn and the text over them is read; as the
     * pattern a path or text is filled with, they paint it flat grey. Axial and radial shadings, the common
     * gradients, are drawn.
     */
    static boolean filledPixelByPixel(PDShading shading) {
        int type = shading.getShadingType();
        return type == PDShading.SHADING_TYPE1 || type >= PDShading.SHADING_TYPE4;
    }

    /** Why the last page was stopped, or null when it was drawn within its budget. */
    String exceeded() {
        OperatorBudget last = budget;
        return last == null ? null : last.exceeded();
    }

    /**
     * Why the last page cannot be read, if it drew an image no reader here decodes (PDFBox logs it and leaves a blank
     * where it was), or null.
     */
    String undecodable() {
        return undecodable;
    }

    @Override
    protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
        OperatorBudget page = budgets.get();
        budget = page;
        undecodable = null;
        String overBudget = reachable.overBudget(parameters.getPage(), page);
        if (overBudget != null) {
            throw page.stop(overBudget);
        }
        return new PageDrawer(parameters) {
            /** The raster of the page, which images are measured against inside groups and tiles too. */
            private long pagePixels;

            /** Buffers open: PDFBox draws each group into one of its box, up to the page's size, and a tile too. */
            private int buffersOpen;

            /** 8 buffers of a page at most (50 nested page-sized groups took 1.7 GB); a soft mask's group comes here too. */
            @Override
            protected void processTransparencyGroup(PDTransparencyGroup group) throws IOException {
                inBuffer(() -> {
                    super.processTransparencyGroup(group);
                    return null;
                });
            }

            private <T> T inBuffer(DecodeBudget.Work<T> drawing) throws IOException {
                if (buffersOpen >= MOST_BUFFERS_OPEN) {
                    throw page.stop("its transparency groups, soft masks and tiling patterns nest more than "
                            + MOST_BUFFERS_OPEN + " deep");
                }
                buffersOpen++;
                try {
                    return drawing.run();
                } finally {
                    buffersOpen--;
                }
            }

            @Override
            public void drawPage(Graphics2D g, PDRectangle pageSize) throws IOException {
                // The page's box in device pixels: the renderer has scaled g to the dpi. (A BufferedImage's graphics
                // configuration gives the size of whichever image of its type came first, not of this one.)
                pagePixels = (long) Math.ceil(pageSize.getWidth()
                        * pageSize.getHeight()
                        * Math.abs(g.getTransform().getDeterminant()));
                super.drawPage(g, pageSize);
            }

            @Override
            protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
                page.check(this, operator, operands);
                if ("Do".equals(operator.getName())) {
                    page.checkDraw(this, operands);
                }
                if ("Tf".equals(operator.getName())) {
                    page.selectFont(getResources(), operands);
                }
                if ("BI".equals(operator.getName())) {
                    page.checkInlineImage(operator.getImageData(), operator.getImageParameters());
                }
                if ("gs".equals(operator.getName()) && !operands.isEmpty() && operands.get(0) instanceof COSName name) {
                    page.checkColourWork(InkCosts.softMaskWork(getResources().getExtGState(name), pagePixels));
                }
                super.processOperator(operator, operands);
            }

            /**
             * Refuses a clipping path Java2D would take minutes and gigabytes to intersect with the clip. PDFBox keeps
             * the clips in force as a list and intersects them all at the next paint, so they are counted together:
             * two combs of 500 teeth laid across each other, each plain alone, took 78 s in one fill.
             */
            @Override
            public void clip(int windingRule) {
                String tangled = tangledClips(getLinePath());
                if (tangled != null) {
                    page.stop(tangled); // over budget from here: the next operator stops the page
                    getLinePath().reset();
                }
                super.clip(windingRule);
            }

            /** The same for text used as a clip (modes 4-7): its glyphs' outlines clip as one path, applied at ET. */
            @Override
            public void endText() throws IOException {
                int clips = getGraphicsState().getCurrentClippingPaths().size();
                super.endText();
                String tangled =
                        getGraphicsState().getCurrentClippingPaths().size() > clips ? tangledClips(null) : null;
                if (tangled != null) {
                    page.stop(tangled);
                }
            }

            /** Why the clips in force, and the one being added if any, are too costly to intersect, or null. */
            private String tangledClips(java.awt.Shape added) {
                java.awt.geom.Path2D all = new java.awt.geom.Path2D.Double();
                getGraphicsState().getCurrentClippingPaths().forEach(clip -> all.append(clip, false));
                if (added != null) {
                    all.append(added, false);
                }
                return ClipCrossings.tooTangled(all);
            }

            @Override
            protected void operatorException(Operator operator, List<COSBase> operands, IOException e)
                    throws IOException {
                if (e instanceof MissingImageReaderException) {
                    undecodable = "of the PDF draws "
                            + (e.getMessage() != null && e.getMessage().contains("JPEG2000")
                                    ? "a JPEG 2000 image (JPXDecode)"
                                    : "an image in a format")
                            + " that this server does not decode; save the PDF with JPEG or PNG images, or send"
                            + " its pages as images";
                }
                super.operatorException(operator, operands, e);
            }

            /** Appearances PDFBox built for this page's annotations, which the file gave none. */
            private int appearancesBuilt;

            @Override
            public void showAnnotation(PDAnnotation annotation) throws IOException {
                if (!MissingAppearances.nearThePage(annotation, getCurrentPage().getMediaBox())) {
                    return; // unseen, and PDFBox may build an appearance for it (or again, below)
                }
                // PDFBox also builds one anew for a NoRotate annotation on a turned page (PDFBOX-4744).
                boolean built = !MissingAppearances.hasOne(annotation)
                        || (annotation.isNoRotate() && getCurrentPage().getRotation() != 0);
                if (!built || appearancesBuilt++ < MissingAppearances.MOST_BUILT_A_PAGE) {
                    super.showAnnotation(annotation);
                }
            }

            @Override
            protected void processType3Stream(PDType3CharProc procedure, Matrix textRenderingMatrix)
                    throws IOException {
                page.checkGlyphProcedure(procedure.getCOSObject().getLength());
                super.processType3Stream(procedure, textRenderingMatrix);
            }

            @Override
            protected void showFontGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
                    throws IOException {
                if (drawsText) {
                    super.showFontGlyph(textRenderingMatrix, font, code, displacement);
                }
            }

            @Override
            protected void showType3Glyph(Matrix textRenderingMatrix, PDType3Font font, int code, Vector displacement)
                    throws IOException {
                if (drawsText) {
                    super.showType3Glyph(textRenderingMatrix, font, code, displacement);
                }
            }

            @Override
            public void shadingFill(COSName name) throws IOException {
                PDShading shading = getResources().getShading(name);
                if (shading == null || !filledPixelByPixel(shading)) {
                    super.shadingFill(name);
                }
            }

            @Override
            protected Paint getPaint(PDColor color) throws IOException {
                if (color.getColorSpace() instanceof PDPattern patterns
                        && patterns.getPattern(color) instanceof PDShadingPattern pattern
                        && pattern.getShading() != null
                        && filledPixelByPixel(pattern.getShading())) {
                    return FLAT;
                }
                if (color.getColorSpace() instanceof PDPattern patterns
                        && patterns.getPattern(color) instanceof PDTilingPattern) {
                    // PDFBox draws the cell into an image of up to 3000 pixels square, and keeps it while nested ones
                    // are drawn: 120 patterns each filled with the next ran out of memory.
                    return inBuffer(() -> super.getPaint(color));
                }
                return super.getPaint(color);
            }

            /** Refuses an image that would be decoded larger than the page warrants, before PDFBox allocates for it. */
            @Override
            public void drawImage(PDImage image) throws IOException {
                double deviceScale = getGraphicsState()
                                .getCurrentTransformationMatrix()
                                .createAffineTransform()
                                .getDeterminant()
                        * getGraphics().getTransform().getDeterminant();
                long pixels = DecodedImages.pixels(image, deviceScale);
                if (image.isStencil() && getGraphicsState().getNonStrokingColorSpace() instanceof PDPattern) {
                    // PDFBox paints the pattern into two buffers the size of the mask's box on the page.
                    Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
                    AffineTransform toDevice = new AffineTransform(getGraphics().getTransform());
                    toDevice.concatenate(ctm.createAffineTransform());
                    Rectangle2D box = toDevice.createTransformedShape(new Rectangle2D.Double(0, 0, 1, 1))
                            .getBounds2D();
                    pixels = Math.max(pixels, (long) Math.ceil(box.getWidth()) * (long) Math.ceil(box.getHeight()));
                }
                long most = DecodedImages.mostPixels(pagePixels, Math.abs(deviceScale));
                page.checkImage(pixels, image.isStencil() ? Math.min(most, DecodedImages.MOST_STENCIL_PIXELS) : most);
                page.checkImageDraw(Math.max(pixels, (long) image.getWidth() * image.getHeight()));
                if (!image.isStencil()) {
                    page.checkColourWork(InkCosts.work(image.getColorSpace(), pixels, image.getBitsPerComponent()));
                }
                super.drawImage(image);
            }
        };
    }
}
