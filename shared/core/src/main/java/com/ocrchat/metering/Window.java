package com.ocrchat.metering;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * A renewing count: the pages an anonymous IP used today, the pages a free account used this month,
 * the chat messages an account sent today. A new period is simply a new window; an old one is
 * forgotten after it {@code endsAt}.
 */
public record Window(Kind kind, String subject, String period, Instant endsAt) {

    public enum Kind {
        ANONYMOUS_PAGES,
        ACCOUNT_PAGES,
        CHAT_MESSAGES,
        ANONYMOUS_UPLOADS,
        SIGN_UPS,
        LOGIN_FAILURES;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The UTC day of {@code now}: anonymous pages per IP, chat messages per account. */
    public static Window day(Kind kind, String subject, Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return new Window(
                kind,
                subject,
                day.toString(),
                day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** The UTC month of {@code now}: a free account's pages. */
    public static Window month(Kind kind, String subject, Instant now) {
        YearMonth month = YearMonth.from(LocalDate.ofInstant(now, ZoneOffset.UTC));
        return new Window(
                kind,
                subject,
                month.toString(),
                month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** How a charge on this window is written down on its job. */
    String key() {
        return kind.id() + "|" + subject + "|" + period + "|" + endsAt.getEpochSecond();
    }

    static Window parse(String key) {
        String[] parts = key.split("\\|", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("Not a window: " + key);
        }
        return new Window(
                Kind.valueOf(parts[0].toUpperCase(Locale.ROOT)),
                parts[1],
                parts[2],
                Instant.ofEpochSecond(Long.parseLong(parts[3])));
    }
}
