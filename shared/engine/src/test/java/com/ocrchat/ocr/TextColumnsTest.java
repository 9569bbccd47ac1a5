package com.ocrchat.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ocrchat.page.Word;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextColumnsTest {
    @Test
    void columnsAreReadFromTheLeftOrFromTheRightAsTheScriptIs() {
        assertEquals("left", firstRead("left"));
        assertEquals("ימין", firstRead("שמאל"), "a Hebrew page: its right column first");
    }

    @Test
    void aHebrewLineIsReadFromTheRightItsEnglishAndNumbersFromTheLeft() {
        String[] drawn = {"2024", "שלום", "Hello", "World", "עולם", "גדול", "מאוד"}; // left to right on the page
        List<Word> line = new ArrayList<>();
        for (int i = 0; i < drawn.length; i++) {
            line.add(new Word(drawn[i], new int[] {100 + 100 * i, 100, 180 + 100 * i, 140}, 1.0));
        }

        List<String> read =
                LayerWords.wordsInReadingOrder(line).stream().map(Word::text).toList();

        assertEquals(List.of("מאוד", "גדול", "עולם", "Hello", "World", "שלום", "2024"), read);
        List<Word> english = List.of(line.get(2), line.get(3));
        assertEquals(english, LayerWords.wordsInReadingOrder(english));
    }

    @Test
    void aTitleAcrossTheGutterWithASpaceInItDoesNotHideIt() {
        List<List<Word>> lines = new ArrayList<>();
        lines.add(List.of(
                new Word("Title", new int[] {100, 20, 575, 60}, 1.0),
                new Word("across", new int[] {585, 20, 1160, 60}, 1.0)));
        for (int line = 0; line < 20; line++) {
            List<Word> words = new ArrayList<>();
            int top = 100 + 50 * line;
            for (int i = 0; i < 4; i++) {
                words.add(new Word("left", new int[] {100 + 120 * i, top, 200 + 120 * i, top + 40}, 1.0));
            }
            for (int i = 0; i < 4; i++) {
                words.add(new Word("right", new int[] {700 + 120 * i, top, 800 + 120 * i, top + 40}, 1.0));
            }
            lines.add(words);
        }

        List<List<Word>> ordered = TextColumns.inReadingOrder(lines, 1300);

        assertEquals(41, ordered.size(), "the title, then each line cut in two at the gutter");
        assertEquals("Title", ordered.get(0).get(0).text());
        assertEquals("left", ordered.get(20).get(0).text());
        assertEquals("right", ordered.get(21).get(0).text());
    }

    @Test
    void aTableOfContentsIsNotSplitAtItsDotLeaders() {
        List<List<Word>> lines = new ArrayList<>();
        for (int line = 0; line < 20; line++) {
            List<Word> words = new ArrayList<>();
            int top = 100 + 40 * line;
            words.add(new Word("Some", new int[] {100, top, 200, top + 30}, 1.0));
            words.add(new Word("Font", new int[] {210, top, 300, top + 30}, 1.0));
            words.add(new Word("Design", new int[] {310, top, 400, top + 30}, 1.0));
            for (int x = 420; x < 1100; x += 40) {
                words.add(new Word(".", new int[] {x, top, x + 10, top + 30}, 1.0));
            }
            words.add(new Word(String.valueOf(line + 1), new int[] {1120, top, 1150, top + 30}, 1.0));
            lines.add(words);
        }

        assertEquals(lines, TextColumns.inReadingOrder(lines, 1300));
    }

    @Test
    void aPageOfThreeColumnsIsReadColumnByColumn() {
        List<List<Word>> lines = new ArrayList<>();
        for (int line = 0; line < 20; line++) {
            List<Word> words = new ArrayList<>();
            int top = 100 + 50 * line;
            for (int column = 0; column < 3; column++) {
                for (int i = 0; i < 4; i++) {
                    int left = 100 + 600 * column + 110 * i;
                    words.add(new Word(
                            "abc".substring(column, column + 1), new int[] {left, top, left + 90, top + 40}, 1.0));
                }
            }
            lines.add(words);
        }

        List<List<Word>> ordered = TextColumns.inReadingOrder(lines, 1900);

        assertEquals(60, ordered.size(), "each line cut in three at the gutters");
        StringBuilder read = new StringBuilder();
        for (List<Word> line : ordered) {
            assertEquals(4, line.size());
            read.append(line.get(0).text());
        }
        assertEquals("a".repeat(20) + "b".repeat(20) + "c".repeat(20), read.toString());
    }

    /** The first word read of 20 lines set in two columns, each column's words the given one or "right"/"ימין". */
    private static String firstRead(String leftWord) {
        String rightWord = leftWord.equals("left") ? "right" : "ימין";
        List<List<Word>> lines = new ArrayList<>();
        for (int line = 0; line < 20; line++) {
            List<Word> words = new ArrayList<>();
            int top = 100 + 50 * line;
            for (int i = 0; i < 4; i++) {
                words.add(new Word(leftWord, new int[] {100 + 120 * i, top, 200 + 120 * i, top + 40}, 1.0));
            }
            for (int i = 0; i < 4; i++) {
                words.add(new Word(rightWord, new int[] {700 + 120 * i, top, 800 + 120 * i, top + 40}, 1.0));
            }
            lines.add(words);
        }
        List<List<Word>> ordered = TextColumns.inReadingOrder(lines, 1300);
        assertEquals(40, ordered.size(), "each line cut in two at the gutter");
        return ordered.get(0).get(0).text();
    }
}
