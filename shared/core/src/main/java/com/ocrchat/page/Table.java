package com.ocrchat.page;

import java.util.List;

/** A table found on a page: its rows of cell texts (the first row as found, often the header) and its bbox. */
public record Table(List<List<String>> rows, int[] bbox) {}
