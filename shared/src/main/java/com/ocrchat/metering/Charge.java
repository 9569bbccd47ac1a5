package com.ocrchat.metering;

/** Credits reserved for one job against one balance item; kept on the job so they can be given back. */
public record Charge(String balanceKey, long credits) {
}
