package com.ocrchat.ocr;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;

/** PDFBox's renderer with an {@link OperatorBudget} for every page it draws. */
final class BudgetedRenderer extends PDFRenderer {
    private final Supplier<OperatorBudget> budgets;
    private volatile OperatorBudget budget;

    BudgetedRenderer(PDDocument document, Supplier<OperatorBudget> budgets) {
        super(document);
        this.budgets = budgets;
        setSubsamplingAllowed(true); // an image far larger than the page's raster is decoded subsampled
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
        return new PageDrawer(parameters) {
            @Override
            protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
                page.check(operator);
                super.processOperator(operator, operands);
            }

            /** Refuses an image larger, decoded, than a page image may be, before PDFBox allocates for it. */
            @Override
            public void drawImage(PDImage image) throws IOException {
                double deviceScale = getGraphicsState()
                                .getCurrentTransformationMatrix()
                                .createAffineTransform()
                                .getDeterminant()
                        * getGraphics().getTransform().getDeterminant();
                page.checkImage(DecodedImages.pixels(image, deviceScale));
                super.drawImage(image);
            }
        };
    }
}
