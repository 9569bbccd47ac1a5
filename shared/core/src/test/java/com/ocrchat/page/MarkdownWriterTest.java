package com.ocrchat.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MarkdownWriterTest {

    @Test
    void largeShortLinesAreHeadingsAndProseIsJoinedAcrossLineBreaks() {
        Page page = page(
                block(List.of("Annual report"), 60),
                block(
                        List.of(
                                "The committee met on Monday to exam-",
                                "ine the budget and approved it with-",
                                "out changes."),
                        20));

        assertEquals(
                "# Annual report\n\nThe committee met on Monday to examine the budget and approved it without changes.",
                MarkdownWriter.write(List.of(page)));
    }

    @Test
    void aCreditSetUpAPicturesSideIsNoHeading() {
        // Read rotated, each word's box runs down the page: 19 px across, 139 down for "NATIONAL" (rabi.png).
        Page page = page(
                block(List.of("Rabi read the classics of science on his own,", "for sheer pleasure."), 20),
                lineOf(
                        new Word("NATIONAL", new int[] {900, 700, 919, 839}, 0.95),
                        new Word("ARCHIVES,", new int[] {900, 560, 923, 695}, 0.95),
                        new Word("AIP", new int[] {900, 510, 918, 550}, 0.96)));

        assertEquals(
                "Rabi read the classics of science on his own, for sheer pleasure.\n\nNATIONAL ARCHIVES, AIP",
                MarkdownWriter.write(List.of(page)));
    }

    @Test
    void linesInLargeTypeReadWithLittleConfidenceAreNoHeading() {
        // feyn.tif and shearer.148.tif: a photograph's texture read as large letters, every word under 0.5; in
        // scots-frag.tif Tesseract gives "DISTRICT" 0, "NEWS" 0.96.
        Page page = page(
                lineOf(new Word("[i", new int[] {0, 0, 40, 60}, 0.2), new Word("ed", new int[] {60, 0, 120, 60}, 0.25)),
                lineOf(
                        new Word("DISTRICT", new int[] {0, 100, 240, 160}, 0),
                        new Word("NEWS", new int[] {260, 100, 400, 160}, 0.96)),
                block(List.of("The council met on Monday to examine the budget and the plans for"), 20),
                block(List.of("the harbour, which it approved."), 20));

        assertEquals(
                "\\[i ed\n\n# DISTRICT NEWS\n\nThe council met on Monday to examine the budget and the plans for\n\n"
                        + "the harbour, which it approved.",
                MarkdownWriter.write(List.of(page)));
    }

    @Test
    void aLineOfCodeWhoseWordsEndInBracketsIsNoHeading() {
        // A screenshot's code at 26 px to the em (trpl14-01.png): "answer);" is boxed from the bracket's top to its
        // foot, a full em, not an x-height word's 0.55 em; "let" and "arg" run from ascender to descender.
        int em = 26;
        Page page = page(
                lineOf(
                        new Word("let", new int[] {100, 300, 150, 300 + (int) (0.76 * em)}, 0.95),
                        new Word("arg", new int[] {165, 300 + (int) (0.21 * em), 215, 300 + em}, 0.95)),
                lineOf(
                        new Word("assert_eq!(6,", new int[] {100, 400, 330, 400 + em}, 0.95),
                        new Word("answer);", new int[] {345, 400, 500, 400 + em}, 0.95)));

        assertEquals("let arg\n\nassert_eq!(6, answer);", MarkdownWriter.write(List.of(page)));
    }

    @Test
    void aLineThatGoesOnAfterACommaWithANameIsProse() {
        Page page = page(block(
                List.of(
                        "This specification attempts to unify the MIME database systems in use by GNOME,",
                        "KDE and ROX, and provide room for future extensibility."),
                20));

        assertEquals(
                "This specification attempts to unify the MIME database systems in use by GNOME, KDE and ROX, and"
                        + " provide room for future extensibility.",
                MarkdownWriter.write(List.of(page)));
        for (List<String> kept : List.of(
                List.of("Kind regards,", "Jane Doe"),
                List.of("Yours sincerely,", "Jonathan Smithers", "CEO"),
                List.of("Flat 3, 12 High Street,", "Camden Town, London,", "NW1 7JR"),
                List.of(
                        "Tyger Tyger, burning bright,",
                        "In the forests of the night;",
                        "What immortal hand or eye,",
                        "Could frame thy fearful symmetry?"),
                List.of("Apples, pears, plums,", "Oranges, lemons, limes,", "Bananas"))) {
            assertEquals(String.join("\n", kept), MarkdownWriter.write(List.of(page(block(kept, 20)))));
        }
    }

    @Test
    void aShortLineLeadingAParagraphInItsBlockIsAParagraphOfItsOwnAndTheRestJoins() {
        // A manual's copyright page (libtasn1.pdf): the copyright line and the licence's paragraph in one block.
        Page page = page(block(
                List.of(
                        "Copyright 2001-2022 Free Software Foundation, Inc.",
                        "Permission is granted to copy, distribute and/or modify this document under the",
                        "terms of the GNU Free Documentation License, Version 1.3 or any later version",
                        "published by the Free Software Foundation; with no Invariant Sections, no",
                        "Front-Cover Texts, and no Back-Cover Texts. A copy of the license is included",
                        "in the section entitled GNU Free Documentation License."),
                20));

        assertEquals(
                "Copyright 2001-2022 Free Software Foundation, Inc.\n\n"
                        + "Permission is granted to copy, distribute and/or modify this document under the terms of the"
                        + " GNU Free Documentation License, Version 1.3 or any later version published by the Free"
                        + " Software Foundation; with no Invariant Sections, no Front-Cover Texts, and no Back-Cover"
                        + " Texts. A copy of the license is included in the section entitled GNU Free Documentation"
                        + " License.",
                MarkdownWriter.write(List.of(page)));
    }

    @Test
    void anAddressAboveALetterKeepsItsLinesAndAGreetingOrALineAboveCodeIsNoLead() {
        Page address = page(block(
                List.of(
                        "Ms. Jane Doe",
                        "42 Harbour Street",
                        "Springfield, IL 62701",
                        "Thank you for your letter of March 3, which reached us after the office",
                        "had closed for the holidays."),
                20));
        Page greeting = page(block(
                List.of(
                        "Dear Ms. Doe,",
                        "Thank you for your letter of March 3, which reached us after the office had",
                        "closed for the holidays; we answer it now, and we are sorry for the delay in"),
                20));

        Page code = page(block(List.of("END", "And an assignments file as follows:", "dp MYPKIX1.Dss-Sig-Value"), 20));

        assertEquals(
                "END\nAnd an assignments file as follows:\ndp MYPKIX1.Dss-Sig-Value",
                MarkdownWriter.write(List.of(code)));
        assertEquals(
                "Ms. Jane Doe\n42 Harbour Street\nSpringfield, IL 62701\n"
                        + "Thank you for your letter of March 3, which reached us after the office\n"
                        + "had closed for the holidays.",
                MarkdownWriter.write(List.of(address)));
        assertEquals(
                "Dear Ms. Doe,\nThank you for your letter of March 3, which reached us after the office had\n"
                        + "closed for the holidays; we answer it now, and we are sorry for the delay in",
                MarkdownWriter.write(List.of(greeting)));
    }

    @Test
    void aTitleSetOnTwoLinesIsOneHeadingTwoTitlesAreTwo() {
        Page page = page(
                block(List.of("MEMORIES OF", "RICHARD FEYNMAN"), 60),
                block(List.of("A new set of lectures—on", "computation—by one of the more", "colorful characters"), 32),
                block(List.of("Annual report", "Chapter two"), 60),
                block(List.of("The committee met on Monday to examine the budget, the plans and the accounts"), 20),
                block(
                        List.of("of the year and approved them all without changes, as it had done the year before"),
                        20));

        assertEquals(
                "# MEMORIES OF RICHARD FEYNMAN\n\n## A new set of lectures—on computation—by one of the more colorful"
                        + " characters\n\n# Annual report\n\n# Chapter two\n\n"
                        + "The committee met on Monday to examine the budget, the plans and the accounts\n\n"
                        + "of the year and approved them all without changes, as it had done the year before",
                MarkdownWriter.write(List.of(page)));
    }

    @Test
    void aPageThatOpensWithItemsIsAListAndDialogueCodeAndTwoTitlesStayAsTheyAre() {
        assertEquals(
                "- The first item, which wraps onto a line.\n- The second item.",
                MarkdownWriter.write(List.of(page(
                        block(List.of("e The first item, which wraps", "onto a line."), 20),
                        block(List.of("¢ The second item."), 20)))));
        assertEquals(
                "- A bulleted paragraph, which wraps onto a second line.",
                MarkdownWriter.write(List.of(
                        page(block(List.of("• A bulleted paragraph, which wraps", "onto a second line."), 20)))));
        assertEquals(
                "— Where are you going?\n\n— Nowhere, he said.",
                MarkdownWriter.write(List.of(page(
                        block(List.of("— Where are you going?"), 20), block(List.of("— Nowhere, he said."), 20)))));
        assertEquals(
                "git clone https://example.com/repo.git\ncd repo\nnpm install --no-audit\nnpm test",
                MarkdownWriter.write(List.of(page(block(
                        List.of(
                                "git clone https://example.com/repo.git",
                                "cd repo",
                                "npm install --no-audit",
                                "npm test"),
                        20)))));
        assertEquals(
                "# SELF-HELP GUIDE\n\n# PART A\n\n# Introduction\n\n"
                        + "The committee met on Monday to examine the budget, the plans and the accounts of the year",
                MarkdownWriter.write(List.of(page(
                                block(List.of("SELF-", "HELP GUIDE"), 60),
                                block(List.of("PART A", "Introduction"), 60),
                                block(
                                        List.of(
                                                "The committee met on Monday to examine the budget, the plans and the accounts"),
                                        20),
                                block(List.of("of the year"), 20))))
                        .replace("accounts\n\nof", "accounts of"));
    }

    @Test
    void runningHeadsAndPageNumbersAreLeftOutOfADocumentsMarkdownNotItsText() {
        List<Page> pages = new ArrayList<>();
        for (int index = 0; index < 3; index++) {
            List<Block> blocks = new ArrayList<>(List.of(
                    new Block("Vol. 3 · " + (117 + index), new int[] {600, 20, 900, 50}, 0.9, null),
                    new Block(String.valueOf(index + 1), new int[] {480, 900, 520, 930}, 0.9, null)));
            if (index == 1) {
                blocks.add(new Block("12", new int[] {100, 950, 130, 980}, 0.9, null)); // a footnote's number
            }
            pages.add(new Page(
                    index,
                    1000,
                    1000,
                    "",
                    List.of(
                            new Block("Shared MIME-info Database", new int[] {100, 20, 500, 50}, 0.9, null),
                            new Block(
                                    "BIOGRAPHICAL NOTICE. "
                                            + List.of("xxiv", "xxv", "xxvi").get(index),
                                    new int[] {100, 60, 500, 90},
                                    0.9,
                                    null),
                            new Block("Question " + (index + 7), new int[] {100, 300, 900, 330}, 0.9, null),
                            new Block("Page " + (index + 1) + " of 3", new int[] {480, 950, 520, 980}, 0.9, null),
                            new Block(String.valueOf(215 * (index + 1)), new int[] {800, 950, 900, 980}, 0.9, null))));
            pages.set(
                    index,
                    new Page(index, 1000, 1000, "", concat(pages.get(index).blocks(), blocks)));
        }

        assertEquals(
                "Shared MIME-info Database\n\nQuestion 7\n\n215\n\n---\n\nQuestion 8\n\n430\n\n12\n\n---\n\n"
                        + "Question 9\n\n645",
                MarkdownWriter.write(pages),
                "the head's first copy kept; page numbers, alone or in a head beside a fixed number, left out; a footnote's"
                        + " number and other numbers kept");
        assertEquals(
                "Shared MIME-info Database\n\nBIOGRAPHICAL NOTICE. xxiv\n\nQuestion 7\n\nPage 1 of 3\n\n215\n\n"
                        + "Vol. 3 · 117\n\n1",
                MarkdownWriter.write(List.of(pages.get(0))),
                "a page alone keeps them: nothing recurs");
        assertTrue(PageText.of(pages.get(1).blocks()).contains("Page 2 of 3"));
    }

    /**
     * libtasn1.pdf: a long chapter's running heads ("Chapter 4: Function reference 9" ... on fifteen pages) tell how its
     * folios run; a short chapter's heads (two pages each) and a chapter's first page, numbered alone, follow them.
     */
    @Test
    void aShortChaptersHeadsAndItsFirstPagesNumberGoWhereTheFoliosRunSo() {
        List<Page> pages = new ArrayList<>();
        for (int index = 0; index < 7; index++) {
            int folio = index + 1;
            List<Block> blocks = new ArrayList<>();
            if (index == 0 || index == 3) {
                blocks.add(new Block("Chapter " + (index == 0 ? 1 : 2), new int[] {100, 200, 900, 260}, 0.9, null));
                blocks.add(new Block(String.valueOf(folio), new int[] {480, 950, 520, 980}, 0.9, null));
            } else {
                String chapter = index < 3 ? "Chapter 1: Introduction " : "Chapter 2: Structures ";
                blocks.add(new Block(chapter + folio, new int[] {100, 20, 900, 50}, 0.9, null));
            }
            blocks.add(new Block("Text of page " + folio + ".", new int[] {100, 300, 900, 330}, 0.9, null));
            if (index == 2) {
                blocks.add(new Block("12 See the notes.", new int[] {100, 950, 500, 980}, 0.9, null));
            }
            if (index == 0) {
                blocks.add(new Block("I agree with the notes.", new int[] {100, 910, 500, 940}, 0.9, null));
                blocks.add(new Block("1 Supported by a grant.", new int[] {100, 960, 400, 990}, 0.9, null));
            }
            pages.add(new Page(index, 1000, 1000, "", blocks));
        }

        assertEquals(
                "Chapter 1\n\nText of page 1.\n\nI agree with the notes.\n\n1 Supported by a grant.\n\n---\n\nText of page 2.\n\n---\n\nText of page 3.\n\n12 See the"
                        + " notes.\n\n---\n\nChapter 2\n\nText of page 4.\n\n---\n\nText of page 5.\n\n---\n\n"
                        + "Text of page 6.\n\n---\n\nText of page 7.",
                MarkdownWriter.write(pages),
                "every head and page number left out; footnotes kept, one numbered as the page is, and a line opening"
                        + " with 'I', which is no page number in figures");
    }

    @Test
    void aRunningHeadThatRepeatsTheTitleGoesFromEveryPageTheTitleStays() {
        // shared-mime-info-spec.pdf: the title page's title, then the same words atop every later page.
        List<Page> pages = new ArrayList<>();
        pages.add(new Page(
                0,
                1000,
                1000,
                "",
                List.of(new Block("Shared MIME-info Database", new int[] {100, 300, 900, 360}, 0.9, null))));
        for (int index = 1; index < 4; index++) {
            pages.add(new Page(
                    index,
                    1000,
                    1000,
                    "",
                    List.of(
                            new Block("Shared MIME-info Database", new int[] {100, 20, 500, 50}, 0.9, null),
                            new Block("Section " + index, new int[] {100, 300, 900, 330}, 0.9, null))));
        }

        assertEquals(
                "Shared MIME-info Database\n\n---\n\nSection 1\n\n---\n\nSection 2\n\n---\n\nSection 3",
                MarkdownWriter.write(pages));

        // The same words atop and at the foot of every page, and nowhere else: the first copy of each stays.
        List<Page> headAndFoot = new ArrayList<>();
        for (int index = 0; index < 3; index++) {
            headAndFoot.add(new Page(
                    index,
                    1000,
                    1000,
                    "",
                    List.of(
                            new Block("ACME Annual Report", new int[] {100, 20, 500, 50}, 0.9, null),
                            new Block("Section " + index, new int[] {100, 300, 900, 330}, 0.9, null),
                            new Block("ACME Annual Report", new int[] {100, 950, 500, 980}, 0.9, null))));
        }
        assertEquals(
                "ACME Annual Report\n\nSection 0\n\nACME Annual Report\n\n---\n\nSection 1\n\n---\n\nSection 2",
                MarkdownWriter.write(headAndFoot));
    }

    private static List<Block> concat(List<Block> first, List<Block> then) {
        List<Block> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }

    @Test
    void shortLabelLinesKeepTheirBreaksAndBulletsBecomeAList() {
        Page page = page(
                block(List.of("Invoice number: 42", "Due date: Monday"), 20),
                block(List.of("• apples", "• pears"), 20));

        assertEquals("Invoice number: 42\nDue date: Monday\n\n- apples\n- pears", MarkdownWriter.write(List.of(page)));
    }

    @Test
    void bulletsReadAsLettersAreAListButLinesThatBeginAlikeAreNot() {
        Page page = page(
                block(List.of("e apples", "e pears"), 20),
                block(List.of("I came.", "I saw."), 20),
                block(List.of("| a | b |", "| c | d |"), 20),
                block(List.of("= A1+B1", "= A2+B2"), 20));

        assertEquals(
                "- apples\n- pears\n\nI came.\nI saw.\n\n\\| a \\| b \\|\n\\| c \\| d \\|\n\n= A1+B1\n= A2+B2",
                MarkdownWriter.write(List.of(page)));
    }

    @Test
    void bulletedParagraphsAreItemsWhateverTheirBulletIsReadAs() {
        // pageseg1.tif: each item a paragraph of its own, its bullet read as "e", "¢" or "©".
        Page page = page(
                block(List.of("it is imperative that a few be mentioned:"), 20),
                block(List.of("e The Family Support Network, a net-", "work of volunteers, was created;"), 20),
                block(List.of("¢ The National Emergency Fund raised", "nearly $1 million;"), 20),
                block(List.of("© Was the only organization to present", "a plan."), 20),
                block(List.of("While some of these programs were fi-", "nanced by contributions."), 20));

        assertEquals(
                "it is imperative that a few be mentioned:\n\n"
                        + "- The Family Support Network, a network of volunteers, was created;\n"
                        + "- The National Emergency Fund raised nearly $1 million;\n"
                        + "- Was the only organization to present a plan.\n\n"
                        + "While some of these programs were financed by contributions.",
                MarkdownWriter.write(List.of(page)));
    }

    @Test
    void aLoneBulletedParagraphAfterALeadInIsAnItem() {
        // pageseg1.tif's foot: one item after "the Legion:", its bullet read as "©"; the page ends mid-item.
        Page page = page(
                block(List.of("For instance, during the past decade, the Legion:"), 20),
                block(
                        List.of("© Was the only veterans' organization to present", "a comprehensive plan to the VA."),
                        20));

        assertEquals(
                "For instance, during the past decade, the Legion:\n\n"
                        + "- Was the only veterans' organization to present a comprehensive plan to the VA.",
                MarkdownWriter.write(List.of(page)));
    }

    @Test
    void aLoneParagraphThatOpensWithANumberOrALetterIsNoItem() {
        Page page = page(
                block(List.of("1. The parties agree that the contract", "ends on the first of May."), 20),
                block(List.of("e The paragraph after it, which wraps", "onto a second line."), 20),
                block(List.of("Plain prose."), 20),
                block(List.of("• A bulleted paragraph, which wraps", "onto a second line."), 20),
                block(List.of("2. Results, a numbered paragraph that", "wraps too."), 20),
                block(List.of("3. Discussion, another that wraps", "onto its second line."), 20));

        assertEquals(
                "1\\. The parties agree that the contract ends on the first of May.\n\n"
                        + "e The paragraph after it, which wraps onto a second line.\n\nPlain prose.\n\n"
                        + "- A bulleted paragraph, which wraps onto a second line.\n"
                        + "2. Results, a numbered paragraph that wraps too.\n"
                        + "3. Discussion, another that wraps onto its second line.",
                MarkdownWriter.write(List.of(page)));
    }

    @Test
    void shortLinesOfAJustifiedColumnAreProseNotATable() {
        // rabi.png: a narrow column beside a picture, two short lines stretched to its width.
        Page page = page(justified(
                400,
                "in addition to finding in the lab of",
                "eminence, Rabi",
                "to realization",
                "of historic consequence as was agreed"));

        assertEquals(
                "in addition to finding in the lab of eminence, Rabi to realization of historic consequence as was agreed",
                MarkdownWriter.write(List.of(page)));
    }

    @Test
    void aParagraphThatWidensWhereAPictureBesideItEndsIsJoined() {
        // witten.tif: the article's first lines beside a figure, the rest across the column.
        Block narrow = justified(240, "several upheavals early", "this century. Quantum", "mechanics taught us");
        Block wide =
                justified(400, "that the classical notions of the", "position and velocity of a particle", "were only");
        List<Word> words = new ArrayList<>(narrow.words());
        words.addAll(wide.words());
        Page page = page(new Block(narrow.text() + "\n" + wide.text(), new int[] {0, 0, 400, nextY}, 0.9, words));

        assertEquals(
                "several upheavals early this century. Quantum mechanics taught us that the classical notions of the"
                        + " position and velocity of a particle were only",
                MarkdownWriter.write(List.of(page)));
    }

    @Test
    void bulletedLinesAfterALeadInAreItemsTheirWrappedLinesJoined() {
        // A specification's PDF: the lead-in, the bullets and the next sentence in one block.
        List<Word> words = new ArrayList<>();
        String[][] lines = {
            {"0", "This specification proposes:"},
            {"0", "• A standard way to install new MIME infor-"},
            {"18", "mation for applications."},
            {"0", "• A standard way of getting the type."},
            {"0", "Further, the databases were merged."}
        };
        for (String[] line : lines) {
            int x = Integer.parseInt(line[0]);
            for (String text : line[1].split(" ")) {
                words.add(new Word(text, new int[] {x, nextY, x + 12 * text.length(), nextY + 20}, 0.9));
                x += 12 * text.length() + 6;
            }
            nextY += 40;
        }
        String text =
                java.util.Arrays.stream(lines).map(line -> line[1]).collect(java.util.stream.Collectors.joining("\n"));
        Page page = page(new Block(text, new int[] {0, 0, 600, nextY}, 0.9, words));

        assertEquals(
                "This specification proposes:\n\n"
                        + "- A standard way to install new MIME information for applications.\n"
                        + "- A standard way of getting the type.\n\n"
                        + "Further, the databases were merged.",
                MarkdownWriter.write(List.of(page)));
    }

    /** A paragraph set justified: each line's words spread to {@code width}, the last one's too. */
    private Block justified(int width, String... lines) {
        List<Word> words = new ArrayList<>();
        for (String line : lines) {
            String[] texts = line.split(" ");
            int letters = line.replace(" ", "").length() * 12;
            double gap = (width - letters) / (double) (texts.length - 1);
            double x = 0;
            for (String text : texts) {
                words.add(new Word(text, new int[] {(int) x, nextY, (int) x + 12 * text.length(), nextY + 20}, 0.9));
                x += 12 * text.length() + gap;
            }
            nextY += 40;
        }
        return new Block(String.join("\n", lines), new int[] {0, nextY - 40 * lines.length, width, nextY}, 0.9, words);
    }

    @Test
    void theTextAroundATableInItsBlockIsKept() {
        List<List<String>> lines = List.of(
                List.of("Order summary"),
                List.of("Item", "Qty", "Price"),
                List.of("Widget", "2", "150.00"),
                List.of("Cable", "4", "12.50"),
                List.of("Thank you for your order."));
        List<Word> words = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int l = 0; l < lines.size(); l++) {
            int top = 30 * l;
            for (int c = 0; c < lines.get(l).size(); c++) {
                int x = 200 * c;
                for (String text : lines.get(l).get(c).split(" ")) {
                    words.add(new Word(text, new int[] {x, top, x + 10 * text.length(), top + 20}, 0.9));
                    x += 10 * text.length() + 6;
                }
            }
            texts.add(String.join(" ", lines.get(l)));
        }
        Block block = new Block(String.join("\n", texts), Word.union(words), 0.9, words);
        Page page = new Page(0, 1000, 1000, block.text(), List.of(block));

        assertEquals(
                "Order summary\n\n| Item | Qty | Price |\n| --- | --- | --- |\n| Widget | 2 | 150.00 |\n| Cable | 4 | 12.50 |"
                        + "\n\nThank you for your order.",
                MarkdownWriter.write(List.of(page)));
    }

    /** Page 0, 1000 pixels square, of these blocks. */
    /** A block of one line from its words: their text, and the box around them. */
    private static Block lineOf(Word... words) {
        List<Word> line = List.of(words);
        return new Block(
                String.join(" ", line.stream().map(Word::text).toList()),
                Word.union(line),
                Word.meanConfidence(line).orElse(0),
                line);
    }

    private static Page page(Block... blocks) {
        return new Page(0, 1000, 1000, "", List.of(blocks));
    }

    @Test
    void chineseLinesJoinWithoutASpaceAndOthersWithOne() {
        assertEquals("实际字体。但这对标点符号字体", ParagraphLines.join(new String[] {"实际字体。", "但这对标点", "符号字体"}, Set.of()));
        assertEquals("Tokyo 東京 meeting", ParagraphLines.join(new String[] {"Tokyo", "東京", "meeting"}, Set.of()));
    }

    @Test
    void aWordBrokenAtItsOwnHyphenKeepsIt() {
        assertEquals(
                "a full-length film, an example of it; send an e-mail",
                ParagraphLines.join(
                                new String[] {"a full-", "length film, an exam-", "ple of it; send an (e-", "mail"},
                                Set.of("full-length", "e-mail"))
                        .replace("(", ""));
    }

    @Test
    void aHyphenNotBetweenLowerCaseLettersStaysWithoutASpace() {
        assertEquals(
                "the Secretary-General of the UN-sponsored talks, 1990-1991 - and after",
                ParagraphLines.join(
                        new String[] {
                            "the Secretary-", "General of the UN-", "sponsored talks, 1990-", "1991 -", "and after"
                        },
                        Set.of()));
    }

    @Test
    void softAndUnicodeHyphensAtALineEndJoinTheWord() {
        assertEquals(
                "an example of a Hyphenated word, a twofold full\u2010length one",
                ParagraphLines.join(
                        new String[] {
                            "an exam\u00AD",
                            "ple of a Hyphen\u00AD",
                            "ated word, a two\u2010",
                            "fold full\u2010",
                            "length one"
                        },
                        Set.of("full-length")));
    }

    @Test
    void thePageTellsWhichHyphensAreWords() {
        Block film = new Block(
                "The full-length cut runs three hours, and the full-\nlength trailer two min-\nutes.",
                new int[] {0, 0, 900, 90},
                0.9,
                null);
        Page page = new Page(0, 1000, 1000, film.text(), List.of(film));

        assertEquals(
                "The full-length cut runs three hours, and the full-length trailer two minutes.",
                MarkdownWriter.write(List.of(page)));
    }

    @Test
    void linesWithoutABlankJoinInLinearTime() {
        String[] lines = new String[100_000];
        java.util.Arrays.fill(lines, "abcdefghij-");
        String joined = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(5), () -> ParagraphLines.join(lines, Set.of("x-y")));
        assertEquals(1_000_001, joined.length());
    }

    @Test
    void aBlockOfManyLinesOfRaggedWidthIsToldFromProseInLinearTime() {
        // A hostile text layer: one block of 30,000 lowercase lines, every other one short, so no step makes prose.
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            lines.add(i % 2 == 0 ? "a long line of many words here" : "short");
        }
        String markdown = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(10), () -> MarkdownWriter.write(List.of(page(block(lines, 20)))));
        assertTrue(markdown.startsWith("a long line of many words here\nshort\n"), markdown.substring(0, 80));
    }

    @Test
    void aParagraphWhoseLinesBeginWithNamesIsJoinedWhereItsLinesStopMidSentence() {
        // scots-frag.tif: a newspaper's paragraph, its wrapped lines beginning with names.
        Page page = page(justified(
                400,
                "Mr William Mackenzie Macphail, chairman of",
                "J. A. Ewing & Co. (London), who died at the",
                "age of 86, was a native of Ullapool. He went to",
                "South Africa towards the end of the Boer War."));

        assertEquals(
                "Mr William Mackenzie Macphail, chairman of J. A. Ewing & Co. (London), who died at the age of 86, was a"
                        + " native of Ullapool. He went to South Africa towards the end of the Boer War.",
                MarkdownWriter.write(List.of(page)));
    }

    @Test
    void aTableOfContentsKeepsItsLines() {
        Page page = page(block(
                List.of(
                        "7 Reference . . . . . . . . . . . 8",
                        "7.1 Hash functions . . . . . . . 8",
                        "7.2 Cipher functions . . . . . . 9"),
                20));

        assertEquals(
                "7 Reference . . . . . . . . . . . 8\n7.1 Hash functions . . . . . . . 8\n7.2 Cipher functions . . . . . . 9",
                MarkdownWriter.write(List.of(page)));
    }

    @Test
    void pagesAreSeparatedByARule() {
        Page one = new Page(0, 100, 100, "", List.of(block(List.of("one"), 20)));
        Page two = new Page(1, 100, 100, "", List.of(block(List.of("two"), 20)));

        assertEquals("one\n\n---\n\ntwo", MarkdownWriter.write(List.of(one, two)));
    }

    private int nextY;

    /** A block below the previous one: words 12 px a character wide and {@code height} tall, 6 px apart. */
    private Block block(List<String> lines, int height) {
        List<Word> words = new ArrayList<>();
        int top = nextY;
        int right = 0;
        for (String line : lines) {
            int x = 0;
            for (String text : line.split(" ")) {
                words.add(new Word(text, new int[] {x, nextY, x + 12 * text.length(), nextY + height}, 0.9));
                x += 12 * text.length() + 6;
            }
            right = Math.max(right, x - 6);
            nextY += height * 2;
        }
        nextY += height * 2;
        return new Block(String.join("\n", lines), new int[] {0, top, right, nextY - height * 2}, 0.9, words);
    }
}
