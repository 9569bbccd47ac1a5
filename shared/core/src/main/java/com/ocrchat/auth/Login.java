package com.ocrchat.auth;

/** How a person signs in to the pages: their email (lower case), their password's hash, and their account. */
public record Login(String email, String passwordHash, String accountId) {}
