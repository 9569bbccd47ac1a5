package com.ocrchat.aws;

import com.ocrchat.metering.BalanceLedger;
import com.ocrchat.metering.Charge;
import com.ocrchat.metering.Window;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Balances in the accounts table ({@link AccountsTable}), changed with conditional updates so that no
 * interleaving of requests can overspend: a paid account spends {@code credits_remaining} on its account
 * item; a window counts {@code used} on an item of its own, which expires by TTL a day after its window.
 */
public final class DynamoBalanceLedger implements BalanceLedger {
    private static final long FORGET_AFTER_SECONDS = 86_400;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoBalanceLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean spend(String accountId, long n) {
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(AccountsTable.key(AccountsTable.account(accountId)))
                    .updateExpression("SET credits_remaining = credits_remaining - :n")
                    .conditionExpression("credits_remaining >= :n")
                    .expressionAttributeValues(Map.of(":n", number(n))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void giveBack(String accountId, long n) {
        give(Charge.ofCredits(accountId, n));
    }

    @Override
    public Credits credits(String accountId) {
        Map<String, AttributeValue> account = item(AccountsTable.account(accountId));
        return new Credits(longValue(account, "credits"), longValue(account, "credits_remaining"));
    }

    @Override
    public boolean count(Window window, long n, long cap) {
        if (n > cap) {
            return false;
        }
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(AccountsTable.key(AccountsTable.window(window)))
                    .updateExpression("ADD used :n SET " + AccountsTable.EXPIRES + " = :expires")
                    .conditionExpression("attribute_not_exists(used) OR used <= :limit")
                    .expressionAttributeValues(Map.of(
                            ":n",
                            number(n),
                            ":limit",
                            number(cap - n),
                            ":expires",
                            number(window.endsAt().getEpochSecond() + FORGET_AFTER_SECONDS))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void uncount(Window window, long n) {
        give(Charge.ofWindow(window, n));
    }

    /** Gives a charge back, unless nobody is left to take it: the account closed, or the window over and forgotten. */
    private void give(Charge charge) {
        Update update = refundWrite(charge);
        try {
            dynamo.updateItem(r -> r.tableName(update.tableName())
                    .key(update.key())
                    .updateExpression(update.updateExpression())
                    .conditionExpression(update.conditionExpression())
                    .expressionAttributeValues(update.expressionAttributeValues()));
        } catch (ConditionalCheckFailedException nobodyToTakeIt) {
            // Nothing is left to give the charge back to.
        }
    }

    /**
     * The conditional write that gives {@code charge} back: to the account's remaining credits, or off the window's
     * count. Its condition fails when nobody is left to take it. A job store writes it in the same transaction as the
     * job's failure.
     */
    Update refundWrite(Charge charge) {
        String item = charge.window() == null
                ? AccountsTable.account(charge.accountId())
                : AccountsTable.window(charge.window());
        String change = charge.window() == null ? "SET credits_remaining = credits_remaining + :n" : "ADD used :n";
        long n = charge.window() == null ? charge.credits() : -charge.credits();
        return Update.builder()
                .tableName(table)
                .key(AccountsTable.key(item))
                .updateExpression(change)
                .conditionExpression("attribute_exists(" + AccountsTable.KEY + ")")
                .expressionAttributeValues(Map.of(":n", number(n)))
                .build();
    }

    @Override
    public long counted(Window window) {
        return longValue(item(AccountsTable.window(window)), "used");
    }

    private Map<String, AttributeValue> item(String pk) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(AccountsTable.key(pk)).consistentRead(true))
                .item();
        return item == null ? Map.of() : item;
    }

    private static long longValue(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
