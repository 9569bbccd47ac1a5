package com.ocrchat.testing;

/** Character error rate: edit distance over the reference length, whitespace runs folded to one space. */
public final class Cer {
    private Cer() {}

    public static double of(String reference, String hypothesis) {
        String a = reference.replaceAll("\\s+", " ").strip();
        String b = hypothesis.replaceAll("\\s+", " ").strip();
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return a.isEmpty() ? (b.isEmpty() ? 0 : 1) : (double) previous[b.length()] / a.length();
    }
}
