package com.ocrchat.vlm;

import com.ocrchat.page.Block;
import com.ocrchat.page.MarkdownBlocks;
import com.ocrchat.page.Page;
import com.ocrchat.page.Spacing;
import com.ocrchat.page.Word;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Puts the vision model's text on the page's layout. The model's Markdown gives the text and the blocks
 * (one per paragraph, heading, list or table); Tesseract's layout of the same image gives where the words
 * are, without its text being trusted. Each of the model's words is matched to a word Tesseract found
 * (the same word, else a similar one nearby in reading order); a block's bbox is the union of its matched
 * words' boxes, and its confidence is the agreement: the share of the block's characters that Tesseract
 * read alike, each matched word weighted by its similarity. A block with no match at all takes the space
 * between its neighbours and confidence 0.
 */
final class LayoutAgreement {
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance();
    private static final double MIN_SIMILARITY = 0.5;
    private static final int LOOK_BEHIND = 15;
    private static final int LOOK_AHEAD = 40;

    private LayoutAgreement() {}

    /** A word of the layout, in Tesseract's reading order. */
    private record LayoutWord(Word word, String key, int block) {}

    /** One of the model's words, matched ({@code box} set) or not. */
    private static final class Token {
        final String text;
        final String key;
        int[] box;
        double similarity;
        int layoutBlock = -1;

        Token(String text) {
            this.text = text;
            this.key = key(text);
        }
    }

    /** The page as the model wrote it, on the layout's boxes. */
    static Page apply(Page layout, String markdown) {
        List<LayoutWord> words = new ArrayList<>();
        Map<String, List<Integer>> byKey = new HashMap<>();
        for (int b = 0; b < layout.blocks().size(); b++) {
            Block block = layout.blocks().get(b);
            for (Word word : block.words() == null ? List.<Word>of() : block.words()) {
                String key = key(word.text());
                if (!key.isEmpty()) {
                    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(words.size());
                    words.add(new LayoutWord(word, key, b));
                }
            }
        }
        boolean[] used = new boolean[words.size()];
        int cursor = 0;
        List<String> texts = MarkdownBlocks.plainBlocks(markdown);
        List<List<Token>> parts = new ArrayList<>();
        for (String text : texts) {
            List<Token> tokens = tokens(text);
            for (Token token : tokens) {
                int found = match(token, words, byKey, used, cursor);
                if (found >= 0) {
                    used[found] = true;
                    cursor = found + 1;
                    token.box = words.get(found).word().bbox();
                    token.layoutBlock = words.get(found).block();
                    token.similarity = similarity(token.key, words.get(found).key());
                }
            }
            parts.add(tokens);
        }
        List<int[]> boxes = new ArrayList<>();
        for (List<Token> tokens : parts) {
            boxes.add(matchedBox(tokens));
        }
        int[] content = contentBox(layout);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            int[] box = boxes.get(i) != null ? boxes.get(i) : between(boxes, i, content, layout);
            blocks.add(block(texts.get(i), parts.get(i), box, layout));
        }
        String text = String.join("\n\n", texts);
        return new Page(
                layout.index(),
                layout.width(),
                layout.height(),
                text,
                blocks,
                List.of(),
                markdown,
                layout.warnings(),
                null);
    }

    /** The model's words: split at spaces, and into characters in scripts written without spaces. */
    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        for (String piece : text.split("\\s+")) {
            if (piece.isEmpty()) {
                continue;
            }
            if (piece.codePoints().anyMatch(Spacing::unspaced)) {
                piece.codePoints().forEach(cp -> tokens.add(new Token(new String(Character.toChars(cp)))));
            } else {
                tokens.add(new Token(piece));
            }
        }
        return tokens;
    }

    /** Lower case, compatibility-normalized, without the punctuation around it. */
    private static String key(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return normal.replaceAll("^[\\p{P}\\p{S}]+|[\\p{P}\\p{S}]+$", "");
    }

    /** The same word unused and nearest ahead of the cursor, else the most similar unused word near it. */
    private static int match(
            Token token, List<LayoutWord> words, Map<String, List<Integer>> byKey, boolean[] used, int cursor) {
        if (token.key.isEmpty()) {
            return -1;
        }
        int best = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (int index : byKey.getOrDefault(token.key, List.of())) {
            // Behind the cursor counts double: reading order mostly goes forward.
            int distance = index >= cursor ? index - cursor : 2 * (cursor - index);
            if (!used[index] && distance < bestDistance) {
                best = index;
                bestDistance = distance;
            }
        }
        if (best >= 0) {
            return best;
        }
        double bestSimilarity = MIN_SIMILARITY;
        for (int index = Math.max(0, cursor - LOOK_BEHIND);
                index < Math.min(words.size(), cursor + LOOK_AHEAD);
                index++) {
            if (!used[index]) {
                double similarity = similarity(token.key, words.get(index).key());
                if (similarity > bestSimilarity) {
                    best = index;
                    bestSimilarity = similarity;
                }
            }
        }
        return best;
    }

    private static double similarity(String a, String b) {
        int longest = Math.max(a.length(), b.length());
        return longest == 0 ? 0 : 1.0 - (double) DISTANCE.apply(a, b) / longest;
    }

    /**
     * The union of the matched words' boxes, leaving out matches in a layout block that holds only a
     * stray few of them (a common word matched far away); null when nothing matched.
     */
    private static int[] matchedBox(List<Token> tokens) {
        Map<Integer, Integer> perBlock = new HashMap<>();
        int matched = 0;
        for (Token token : tokens) {
            if (token.box != null) {
                perBlock.merge(token.layoutBlock, 1, Integer::sum);
                matched++;
            }
        }
        int[] box = null;
        for (Token token : tokens) {
            if (token.box != null) {
                int count = perBlock.get(token.layoutBlock);
                if (count >= 3 || count > 0.25 * matched) {
                    box = box == null ? token.box.clone() : union(box, token.box);
                }
            }
        }
        return box;
    }

    /** The layout's text area (or the whole page when the layout found nothing). */
    private static int[] contentBox(Page layout) {
        if (layout.blocks().isEmpty()) {
            return new int[] {0, 0, layout.width(), layout.height()};
        }
        int[] box = layout.blocks().get(0).bbox().clone();
        layout.blocks().forEach(block -> union(box, block.bbox()));
        return box;
    }

    /** For a block with no matched words: the text area's width, between the neighbours that were placed. */
    private static int[] between(List<int[]> boxes, int i, int[] content, Page layout) {
        int top = content[1];
        for (int j = i - 1; j >= 0; j--) {
            if (boxes.get(j) != null) {
                top = boxes.get(j)[3];
                break;
            }
        }
        int bottom = content[3];
        for (int j = i + 1; j < boxes.size(); j++) {
            if (boxes.get(j) != null) {
                bottom = boxes.get(j)[1];
                break;
            }
        }
        if (bottom <= top) {
            bottom = Math.min(layout.height(), top + Math.max(1, layout.height() / 50));
            top = Math.min(top, bottom - 1);
        }
        return new int[] {content[0], top, Math.max(content[0] + 1, content[2]), bottom};
    }

    /**
     * The block: its words on their matched boxes; an unmatched word is placed after the word before it
     * (it still belongs in the searchable PDF's text layer), with confidence 0.
     */
    private static Block block(String text, List<Token> tokens, int[] box, Page layout) {
        double charWidth = tokens.stream()
                .filter(t -> t.box != null)
                .mapToDouble(t -> (t.box[2] - t.box[0]) / (double) Math.max(1, t.text.length()))
                .average()
                .orElse(Math.max(4, layout.width() / 100.0));
        int lineHeight = tokens.stream()
                .filter(t -> t.box != null)
                .mapToInt(t -> t.box[3] - t.box[1])
                .max()
                .orElse(Math.max(8, Math.min(box[3] - box[1], layout.height() / 60)));
        List<Word> words = new ArrayList<>();
        int[] previous = null;
        for (Token token : tokens) {
            int[] placed = token.box;
            if (placed == null) {
                int x0 = previous == null ? box[0] : Math.min(box[2] - 1, previous[2] + (int) charWidth);
                int y0 = previous == null ? box[1] : previous[1];
                int x1 = Math.max(x0 + 1, Math.min(box[2], x0 + (int) Math.ceil(charWidth * token.text.length())));
                int y1 = Math.max(y0 + 1, Math.min(layout.height(), y0 + lineHeight));
                placed = new int[] {x0, y0, x1, y1};
            }
            words.add(new Word(token.text, placed, token.box == null ? 0 : round(token.similarity)));
            previous = placed;
        }
        return new Block(text, box, Word.meanConfidence(words).orElse(0), words);
    }

    private static int[] union(int[] into, int[] other) {
        into[0] = Math.min(into[0], other[0]);
        into[1] = Math.min(into[1], other[1]);
        into[2] = Math.max(into[2], other[2]);
        into[3] = Math.max(into[3], other[3]);
        return into;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
