package com.ocrchat.chat;

/** One sentence of a job's text: its page (1-based, as citations show it), its paragraph, and its words. */
public record Sentence(int page, int paragraph, String text) {}
