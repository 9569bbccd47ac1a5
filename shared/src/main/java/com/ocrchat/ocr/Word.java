package com.ocrchat.ocr;

/** A recognized word: bbox [x0, y0, x1, y1] in page pixels (origin top-left), confidence 0..1. */
public record Word(String text, int[] bbox, double confidence) {
}
