package com.ocrchat.job;

/** A job's recognized text translated (tool=translate): the target language's code, the text and the Markdown. */
public record Translation(String language, String text, String markdown) {}
