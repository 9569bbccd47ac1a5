package com.ocrchat.page;

/** Which way a piece of text reads, by its first strongly directional character (Unicode bidi classes). */
public final class TextDirection {
    private TextDirection() {}

    public static boolean isRightToLeft(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            byte direction = Character.getDirectionality(codePoint);
            if (direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return true;
            }
            if (direction == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return false;
    }
}
