package com.ocrchat.aws;

import com.ocrchat.auth.Account;
import com.ocrchat.auth.AccountStore;
import com.ocrchat.auth.Plan;
import com.ocrchat.auth.Tokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Accounts in the accounts table ({@link AccountsTable}): the account item holds the plan and the bought
 * credits, a token item points the token's hash at its account. A token is found with one strongly
 * consistent read.
 */
public final class DynamoAccountStore implements AccountStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAccountStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Created create(Plan plan, long credits) {
        if (plan == Plan.ANONYMOUS) {
            throw new IllegalArgumentException("Anonymous callers have no account");
        }
        Account account = new Account(
                UUID.randomUUID().toString(), plan, credits, Instant.now().truncatedTo(ChronoUnit.SECONDS), false);
        String token = Tokens.generate();
        Map<String, AttributeValue> accountItem = Map.of(
                AccountsTable.KEY,
                s(AccountsTable.account(account.id())),
                "account_id",
                s(account.id()),
                "plan",
                s(plan.id()),
                "credits",
                n(credits),
                "credits_remaining",
                n(credits),
                "token_hash",
                s(Tokens.hash(token)),
                "created_at",
                s(account.createdAt().toString()),
                "revoked",
                AttributeValue.fromBool(false));
        Map<String, AttributeValue> tokenItem =
                Map.of(AccountsTable.KEY, s(AccountsTable.token(Tokens.hash(token))), "account_id", s(account.id()));
        dynamo.transactWriteItems(r -> r.transactItems(put(accountItem), put(tokenItem)));
        return new Created(account, token);
    }

    @Override
    public Optional<Account> find(String accountId) {
        return item(AccountsTable.account(accountId)).map(DynamoAccountStore::toAccount);
    }

    @Override
    public Optional<Account> findByToken(String token) {
        if (!Tokens.isWellFormed(token)) {
            return Optional.empty();
        }
        return item(AccountsTable.token(Tokens.hash(token)))
                .map(item -> item.get("account_id").s())
                .flatMap(this::find)
                .filter(account -> !account.revoked());
    }

    @Override
    public Account addCredits(String accountId, long credits) {
        if (credits <= 0) {
            throw new IllegalArgumentException("Credits to add must be positive");
        }
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(AccountsTable.key(AccountsTable.account(accountId)))
                    .updateExpression("SET credits = credits + :n, credits_remaining = credits_remaining + :n")
                    .conditionExpression("#plan = :paid AND revoked = :false")
                    .expressionAttributeNames(Map.of("#plan", "plan"))
                    .expressionAttributeValues(Map.of(
                            ":n", n(credits), ":paid", s(Plan.PAID.id()), ":false", AttributeValue.fromBool(false))));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalArgumentException("Account " + accountId + " is not a live paid account");
        }
        return find(accountId).orElseThrow();
    }

    @Override
    public String webhookSecret(String accountId) {
        // One write: the stored secret when there is one, else this new one.
        try {
            return dynamo.updateItem(r -> r.tableName(table)
                            .key(AccountsTable.key(AccountsTable.account(accountId)))
                            .updateExpression("SET webhook_secret = if_not_exists(webhook_secret, :new)")
                            .conditionExpression("attribute_exists(account_id)")
                            .expressionAttributeValues(Map.of(":new", s(Tokens.webhookSecret())))
                            .returnValues(ReturnValue.UPDATED_NEW))
                    .attributes()
                    .get("webhook_secret")
                    .s();
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalArgumentException("No account " + accountId);
        }
    }

    @Override
    public String rotateToken(String accountId) {
        Map<String, AttributeValue> account = liveAccount(accountId);
        String oldHash = account.get("token_hash").s();
        String token = Tokens.generate();
        String newHash = Tokens.hash(token);
        dynamo.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder()
                        .delete(Delete.builder()
                                .tableName(table)
                                .key(AccountsTable.key(AccountsTable.token(oldHash)))
                                .build())
                        .build(),
                put(Map.of(AccountsTable.KEY, s(AccountsTable.token(newHash)), "account_id", s(accountId))),
                TransactWriteItem.builder()
                        .update(Update.builder()
                                .tableName(table)
                                .key(AccountsTable.key(AccountsTable.account(accountId)))
                                .updateExpression("SET token_hash = :new")
                                .conditionExpression("token_hash = :old AND revoked = :false")
                                .expressionAttributeValues(Map.of(
                                        ":new",
                                        s(newHash),
                                        ":old",
                                        s(oldHash),
                                        ":false",
                                        AttributeValue.fromBool(false)))
                                .build())
                        .build()));
        return token;
    }

    @Override
    public void revoke(String accountId) {
        Map<String, AttributeValue> account = liveAccount(accountId);
        dynamo.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder()
                        .delete(Delete.builder()
                                .tableName(table)
                                .key(AccountsTable.key(AccountsTable.token(
                                        account.get("token_hash").s())))
                                .build())
                        .build(),
                TransactWriteItem.builder()
                        .update(Update.builder()
                                .tableName(table)
                                .key(AccountsTable.key(AccountsTable.account(accountId)))
                                .updateExpression("SET revoked = :true")
                                .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true)))
                                .build())
                        .build()));
    }

    private Map<String, AttributeValue> liveAccount(String accountId) {
        Map<String, AttributeValue> account = item(AccountsTable.account(accountId))
                .orElseThrow(() -> new IllegalArgumentException("No account " + accountId));
        if (Boolean.TRUE.equals(account.get("revoked").bool())) {
            throw new IllegalArgumentException("Account " + accountId + " is revoked");
        }
        return account;
    }

    private Optional<Map<String, AttributeValue>> item(String pk) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(AccountsTable.key(pk)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(item)
                        .conditionExpression("attribute_not_exists(pk)")
                        .build())
                .build();
    }

    private static Account toAccount(Map<String, AttributeValue> item) {
        return new Account(
                item.get("account_id").s(),
                Plan.of(item.get("plan").s()),
                Long.parseLong(item.get("credits").n()),
                Instant.parse(item.get("created_at").s()),
                item.containsKey("revoked")
                        && Boolean.TRUE.equals(item.get("revoked").bool()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
