package com.ocrchat.ocr;

import java.awt.Color;
import java.awt.Paint;
import java.awt.Rectangle;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDPattern;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.pattern.PDShadingPattern;
import org.apache.pdfbox.pdmodel.graphics.shading.PDShading;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;

/** PDFBox's renderer with an {@link OperatorBudget} for every page it draws. */
final class BudgetedRenderer extends PDFRenderer {
    private final Supplier<OperatorBudget> budgets;
    private volatile OperatorBudget budget;
    private final PdfFunctions functions = new PdfFunctions();

    BudgetedRenderer(PDDocument document, Supplier<OperatorBudget> budgets) {
        super(document);
        this.budgets = budgets;
        setSubsamplingAllowed(true); // an image far larger than the page's raster is decoded subsampled
    }

    /** The paint of what is not drawn. */
    private static final Paint NOTHING = new Color(0, 0, 0, 0);

    /**
     * Shadings that PDFBox computes for every pixel they cover, per triangle or per function call: a 5 KB mesh of
     * 100 triangles each covering half a page takes it 56 s at 300 dpi, with no way to stop it in the middle. They
     * are gradients behind the content, so they are left undrawn and the text over them is read; axial and radial
     * shadings, the common gradients, are drawn.
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

    @Override
    protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
        OperatorBudget page = budgets.get();
        budget = page;
        String overBudget = functions.overBudget(parameters.getPage().getCOSObject());
        if (overBudget != null) {
            throw page.stop(overBudget);
        }
        return new PageDrawer(parameters) {
            @Override
            protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
                page.check(operator, operands);
                super.processOperator(operator, operands);
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
                    return NOTHING;
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
                Rectangle device = getGraphics().getDeviceConfiguration().getBounds();
                page.checkImage(
                        DecodedImages.pixels(image, deviceScale),
                        DecodedImages.mostPixels((long) device.width * device.height));
                super.drawImage(image);
            }
        };
    }
}
