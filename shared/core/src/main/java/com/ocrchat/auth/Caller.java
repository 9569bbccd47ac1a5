package com.ocrchat.auth;

/**
 * Who is calling: an account, or an anonymous client known only by the source IP that API Gateway
 * saw. {@link #owner()} is the key jobs are filed under, so a job is visible to its creator only.
 */
public record Caller(String accountId, Plan plan, String sourceIp) {

    public static Caller anonymous(String sourceIp) {
        return new Caller(null, Plan.ANONYMOUS, sourceIp);
    }

    public static Caller of(Account account, String sourceIp) {
        return new Caller(account.id(), account.plan(), sourceIp);
    }

    public boolean isAnonymous() {
        return accountId == null;
    }

    public String owner() {
        return isAnonymous() ? "ip#" + sourceIp : "account#" + accountId;
    }
}
