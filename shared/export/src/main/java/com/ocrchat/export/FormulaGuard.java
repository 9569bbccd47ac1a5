package com.ocrchat.export;

/**
 * Keeps a cell of recognized text from running as a spreadsheet formula when the CSV is opened (CSV injection): a
 * document's text is the uploader's to choose, and {@code =HYPERLINK(...)} or {@code @SUM(...)} in a cell would run in
 * Excel or LibreOffice. A cell that starts with a character a spreadsheet reads as a formula gets a leading apostrophe,
 * which both show as text, as OWASP advises; a signed number ({@code -12.50}, {@code +3 %}) is left as it is.
 */
final class FormulaGuard {
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private FormulaGuard() {}

    static String cell(String text) {
        if (text == null || text.isEmpty() || FORMULA_STARTS.indexOf(text.charAt(0)) < 0 || signedNumber(text)) {
            return text;
        }
        return "'" + text;
    }

    /** A sign, perhaps a currency symbol, digits with separators and spaces, perhaps a per cent sign: "-1,234.50 %". */
    private static boolean signedNumber(String text) {
        if (text.charAt(0) != '+' && text.charAt(0) != '-') {
            return false;
        }
        int at = 1;
        if (at < text.length() && Character.getType(text.charAt(at)) == Character.CURRENCY_SYMBOL) {
            at++;
        }
        int end = text.endsWith("%") ? text.length() - 1 : text.length();
        boolean digit = false;
        for (; at < end; at++) {
            char c = text.charAt(at);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != ',' && c != ' ' && c != '\u00A0') {
                return false;
            }
        }
        return digit;
    }
}
