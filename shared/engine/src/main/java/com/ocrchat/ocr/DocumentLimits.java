package com.ocrchat.ocr;

/** How far a document may go: pixels per page (checked before decoding) and the PDF raster dpi. */
public record DocumentLimits(long maxPixelsPerPage, int pdfDpi) {}
