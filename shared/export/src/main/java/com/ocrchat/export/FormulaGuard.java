package com.ocrchat.export;

import java.util.regex.Pattern;

/**
 * Keeps a cell of recognized text from running as a spreadsheet formula when the CSV is opened (CSV injection): a
 * document's text is the uploader's to choose, and {@code =HYPERLINK(...)} or {@code @SUM(...)} in a cell would run in
 * Excel or LibreOffice. A cell that starts with a character a spreadsheet reads as a formula gets a leading apostrophe,
 * which both show as text, as OWASP advises; a signed number ({@code -12.50}, {@code +3 %}) is left as it is.
 */
final class FormulaGuard {
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Pattern SIGNED_NUMBER = Pattern.compile("[+-]\\p{Sc}?[\\d.,\\u00A0 ]*\\d[\\d.,\\u00A0 ]*%?");

    private FormulaGuard() {}

    static String cell(String text) {
        if (text == null
                || text.isEmpty()
                || FORMULA_STARTS.indexOf(text.charAt(0)) < 0
                || SIGNED_NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }
}
