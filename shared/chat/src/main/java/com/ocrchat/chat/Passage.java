package com.ocrchat.chat;

/** A piece of a job's text that remembers its page (1-based, as citations show it). */
public record Passage(int page, String text) {}
