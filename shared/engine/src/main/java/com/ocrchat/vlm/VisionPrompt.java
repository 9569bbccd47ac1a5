package com.ocrchat.vlm;

/** What the vision model is asked to do with a page image: a faithful transcription, with a tool's emphasis. */
public enum VisionPrompt {
    TRANSCRIBE(""),
    HANDWRITING("The page is handwritten, in part or whole: transcribe every handwritten word exactly as written, "
            + "keeping the writer's line breaks within lists and addresses; write an illegible word as [illegible]. "),
    MATH(
            "The page contains mathematics: write every formula, equation and mathematical symbol in LaTeX, inline as $...$ "
                    + "and displayed equations as $$...$$ on their own lines; keep the prose around them as text. ");

    static final String SYSTEM =
            "You transcribe images of document pages into Markdown, faithfully. Output only the page's "
                    + "content, with no commentary, no preamble and no code fence around the whole answer. Keep the reading order: "
                    + "columns one after another, top to bottom. Use # headings for headings, Markdown lists for lists, Markdown "
                    + "tables (| a | b |, with a header separator row) for tables, and LaTeX ($...$, $$...$$) for mathematics. "
                    + "Transcribe handwriting as written. Never translate, correct, complete or summarize the text, and write each "
                    + "line once. A page without text gets an empty answer.";

    static final String AGAIN =
            " Your previous answer repeated the same text over and over: write each line of the page exactly once.";

    private final String emphasis;

    VisionPrompt(String emphasis) {
        this.emphasis = emphasis;
    }

    String user() {
        return emphasis + "Transcribe this page.";
    }
}
