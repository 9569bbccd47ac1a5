package com.ocrchat.conversation;

/** A page (1-based) and a snippet that occurs in that page's text. */
public record Citation(int page, String snippet) {}
