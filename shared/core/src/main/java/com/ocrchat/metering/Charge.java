package com.ocrchat.metering;

/**
 * Credits reserved for one job, and where from: a paid account's bought credits ({@code accountId}),
 * or a renewing allowance ({@code window}). Kept on the job so they can be given back.
 */
public record Charge(String accountId, Window window, long credits) {

    public static Charge ofCredits(String accountId, long credits) {
        return new Charge(accountId, null, credits);
    }

    public static Charge ofWindow(Window window, long credits) {
        return new Charge(null, window, credits);
    }

    /** Whether credits paid for it (a paid plan's): such jobs go on the priority queue. */
    public boolean paid() {
        return window == null;
    }

    /** Where the credits came from, as the job record stores it. */
    public String source() {
        return window == null ? "credits|" + accountId : window.key();
    }

    /** The charge a job recorded with {@link #source()}. */
    public static Charge of(String source, long credits) {
        return source.startsWith("credits|")
                ? ofCredits(source.substring("credits|".length()), credits)
                : ofWindow(Window.parse(source), credits);
    }
}
