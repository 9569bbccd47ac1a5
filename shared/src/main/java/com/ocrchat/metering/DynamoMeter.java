package com.ocrchat.metering;

import com.ocrchat.auth.Caller;
import com.ocrchat.auth.Plan;
import com.ocrchat.http.ApiException;
import com.ocrchat.settings.Settings;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Balances in the accounts table, spent with conditional updates so that no interleaving of requests
 * can overspend. Paid accounts spend {@code credits_remaining} on their account item. Anonymous callers
 * (per source IP and UTC day) and free accounts (per UTC month) count {@code used} on a usage item per
 * window, which expires by TTL after its window; a new window is simply a new item.
 */
public final class DynamoMeter implements Meter {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Settings settings;
    private final Clock clock;

    public DynamoMeter(DynamoDbClient dynamo, String table, Settings settings, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Charge reserve(Caller caller, long credits) {
        if (caller.plan() == Plan.PAID) {
            String key = "account#" + caller.accountId();
            try {
                dynamo.updateItem(r -> r.tableName(table).key(key(key))
                        .updateExpression("SET credits_remaining = credits_remaining - :n")
                        .conditionExpression("credits_remaining >= :n")
                        .expressionAttributeValues(Map.of(":n", number(credits))));
            } catch (ConditionalCheckFailedException e) {
                throw outOfBalance(balance(caller), credits);
            }
            return new Charge(key, credits);
        }
        Window window = window(caller);
        long cap = PlanLimits.of(caller.plan(), settings).allowance();
        if (credits > cap) {
            throw outOfBalance(balance(caller), credits);
        }
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(window.key()))
                    .updateExpression("ADD used :n SET expires_at_epoch = :expires")
                    .conditionExpression("attribute_not_exists(used) OR used <= :limit")
                    .expressionAttributeValues(Map.of(":n", number(credits), ":limit", number(cap - credits),
                            ":expires", number(window.resetsAt().getEpochSecond() + 86_400))));
        } catch (ConditionalCheckFailedException e) {
            throw outOfBalance(balance(caller), credits);
        }
        return new Charge(window.key(), credits);
    }

    @Override
    public void refund(Charge charge) {
        if (charge.credits() == 0) {
            return;
        }
        if (charge.balanceKey().startsWith("account#")) {
            dynamo.updateItem(r -> r.tableName(table).key(key(charge.balanceKey()))
                    .updateExpression("SET credits_remaining = credits_remaining + :n")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":n", number(charge.credits()))));
        } else {
            try {
                dynamo.updateItem(r -> r.tableName(table).key(key(charge.balanceKey()))
                        .updateExpression("ADD used :n")
                        .conditionExpression("attribute_exists(pk)")
                        .expressionAttributeValues(Map.of(":n", number(-charge.credits()))));
            } catch (ConditionalCheckFailedException windowAlreadyExpired) {
                // The window has ended and its item is gone: nothing is left to give back.
            }
        }
    }

    @Override
    public Balance balance(Caller caller) {
        if (caller.plan() == Plan.PAID) {
            Map<String, AttributeValue> account = item("account#" + caller.accountId());
            long bought = longValue(account, "credits");
            return new Balance(Plan.PAID, bought - longValue(account, "credits_remaining"), bought, null);
        }
        Window window = window(caller);
        return new Balance(caller.plan(), longValue(item(window.key()), "used"),
                PlanLimits.of(caller.plan(), settings).allowance(), window.resetsAt());
    }

    private record Window(String key, Instant resetsAt) {
    }

    /** The current UTC day (anonymous, per IP) or month (free account) and when it ends. */
    private Window window(Caller caller) {
        Instant now = clock.instant();
        if (caller.plan() == Plan.ANONYMOUS) {
            LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
            return new Window("usage#ip#" + caller.sourceIp() + "#" + day, day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        YearMonth month = YearMonth.from(LocalDate.ofInstant(now, ZoneOffset.UTC));
        return new Window("usage#account#" + caller.accountId() + "#" + month,
                month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static ApiException outOfBalance(Balance balance, long needed) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("used", balance.used());
        details.put("cap", balance.cap());
        details.put("needed", needed);
        details.put("plan", balance.plan().id());
        if (balance.resetsAt() != null) {
            details.put("resets_at", balance.resetsAt().toString());
        }
        String message = switch (balance.plan()) {
            case ANONYMOUS -> "Out of pages: the anonymous daily allowance is used up. Create a free account for more";
            case FREE -> "Out of pages: the free monthly allowance is used up. A paid plan lifts it";
            case PAID -> "Out of credits: add credits to this account";
        };
        return new ApiException(402, message, details, balance.rateLimitHeaders());
    }

    private Map<String, AttributeValue> item(String pk) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(pk)).consistentRead(true)).item();
        return item == null ? Map.of() : item;
    }

    private static long longValue(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk));
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
