package com.ocrchat.ocr;

/** Why a font program is over budget, thrown from deep inside a check of its glyphs or tables. */
final class FontOverBudget extends RuntimeException {
    FontOverBudget(String why) {
        super(why, null, false, false);
    }
}
