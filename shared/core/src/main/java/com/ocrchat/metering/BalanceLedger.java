package com.ocrchat.metering;

/**
 * Where balances are kept: a paid account's bought credits, and the counts of renewing windows. Every
 * change is atomic and conditional, so no interleaving of callers can overspend. DynamoDB on AWS (the
 * accounts table), a map in tests; both pass the same contract tests.
 */
public interface BalanceLedger {

    /** A paid account's credits: bought in all, and what is left of them. */
    record Credits(long bought, long remaining) {}

    /** Takes {@code n} of the account's remaining credits if it has that many; false (and nothing taken) otherwise. */
    boolean spend(String accountId, long n);

    /** Gives {@code n} credits back to the account. */
    void giveBack(String accountId, long n);

    Credits credits(String accountId);

    /** Adds {@code n} to the window's count if the count stays within {@code cap}; false (and nothing added) otherwise. */
    boolean count(Window window, long n, long cap);

    /** Takes {@code n} back off the window's count; nothing when the window has already been forgotten. */
    void uncount(Window window, long n);

    long counted(Window window);

    /** Gives a charge back (or part of it): to the account's credits, or off the window's count. */
    default void refund(Charge charge) {
        if (charge.credits() <= 0) {
            return;
        }
        if (charge.window() == null) {
            giveBack(charge.accountId(), charge.credits());
        } else {
            uncount(charge.window(), charge.credits());
        }
    }
}
