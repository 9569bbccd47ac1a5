package com.ocrchat.vlm;

import com.ocrchat.error.ProviderFailure;
import com.ocrchat.model.ModelClient;
import com.ocrchat.model.ModelFailure;
import com.ocrchat.ocr.ImageTransforms;
import com.ocrchat.ocr.Jpeg;
import com.ocrchat.ocr.OcrEngine;
import com.ocrchat.page.Page;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The vlm tier: a vision-language model transcribes each page image into Markdown; the layout engine
 * (Tesseract) reads the same image for orientation and word positions, and {@link LayoutAgreement} puts
 * the model's text on that layout with a confidence from how well the two agree. A reply that loops is
 * asked for once more and otherwise cut; a reply cut at the output bound is kept with a warning; a model
 * that keeps failing fails the page.
 */
public final class VisionEngine implements OcrEngine {
    private static final Pattern FENCED = Pattern.compile("^```[a-zA-Z]*\\s*\\n(.*?)\\n?```\\s*$", Pattern.DOTALL);

    private final OcrEngine layout;
    private final ModelClient model;
    private final VisionPrompt prompt;
    private final int maxImageEdge;
    private final int maxTokens;

    public VisionEngine(OcrEngine layout, ModelClient model, int maxImageEdge, int maxTokens) {
        this(layout, model, VisionPrompt.TRANSCRIBE, maxImageEdge, maxTokens);
    }

    private VisionEngine(OcrEngine layout, ModelClient model, VisionPrompt prompt, int maxImageEdge, int maxTokens) {
        this.layout = layout;
        this.model = model;
        this.prompt = prompt;
        this.maxImageEdge = maxImageEdge;
        this.maxTokens = maxTokens;
    }

    /** The same engine asking with a tool's emphasis (handwriting, math). */
    public VisionEngine withPrompt(VisionPrompt emphasis) {
        return new VisionEngine(layout, model, emphasis, maxImageEdge, maxTokens);
    }

    @Override
    public Page recognize(BufferedImage image, int pageIndex, String languages) {
        return read(image, pageIndex, languages).page();
    }

    @Override
    public Recognition read(BufferedImage image, int pageIndex, String languages) {
        Recognition positions = layout.read(image, pageIndex, languages);
        List<String> warnings = new ArrayList<>();
        String markdown = transcribe(positions.image(), pageIndex, warnings);
        Page page = LayoutAgreement.apply(positions.page(), markdown);
        for (String warning : warnings) {
            page = page.withWarning(warning);
        }
        return new Recognition(page, positions.image());
    }

    private String transcribe(BufferedImage upright, int pageIndex, List<String> warnings) {
        byte[] jpeg = Jpeg.encode(fitted(upright));
        ModelClient.Reply reply = ask(jpeg, prompt.user(), pageIndex);
        if (Repetition.cutLoop(reply.text()).isPresent()) {
            reply = ask(jpeg, prompt.user() + VisionPrompt.AGAIN, pageIndex);
            Optional<String> cut = Repetition.cutLoop(reply.text());
            if (cut.isPresent()) {
                warnings.add("Page " + (pageIndex + 1) + ": the vision model repeated itself; the repetition was cut");
                return unfenced(cut.get());
            }
        }
        if (reply.truncated()) {
            warnings.add("Page " + (pageIndex + 1) + ": the vision model's answer reached its length bound "
                    + "(OCRCHAT_VLM_MAX_TOKENS) and may be incomplete");
        }
        return unfenced(reply.text());
    }

    private ModelClient.Reply ask(byte[] jpeg, String instruction, int pageIndex) {
        try {
            return model.complete(new ModelClient.Prompt(
                    VisionPrompt.SYSTEM,
                    List.of(new ModelClient.Turn(ModelClient.USER, instruction)),
                    jpeg,
                    maxTokens));
        } catch (ModelFailure e) {
            throw new ProviderFailure("The vision model failed on page " + (pageIndex + 1) + ": " + e.getMessage(), e);
        }
    }

    /** Scaled down so its longer side is at most the provider's limit (models downscale larger images anyway). */
    private BufferedImage fitted(BufferedImage image) {
        int longer = Math.max(image.getWidth(), image.getHeight());
        return longer <= maxImageEdge ? image : ImageTransforms.scale(image, maxImageEdge / (double) longer);
    }

    /** Models sometimes wrap the whole answer in a ```markdown fence despite being asked not to. */
    static String unfenced(String text) {
        Matcher fenced = FENCED.matcher(text.strip());
        return (fenced.matches() ? fenced.group(1) : text).strip();
    }
}
