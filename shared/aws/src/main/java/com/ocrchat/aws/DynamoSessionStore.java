package com.ocrchat.aws;

import com.ocrchat.auth.Session;
import com.ocrchat.auth.SessionStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Sessions in the accounts table ({@code session#<sha256 of the cookie>}); the table's TTL removes ended ones,
 * and {@link Session#endedBy} refuses them until it does.
 */
public final class DynamoSessionStore implements SessionStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSessionStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void put(Session session) {
        dynamo.putItem(r -> r.tableName(table)
                .item(Map.of(
                        AccountsTable.KEY,
                        AttributeValue.fromS(AccountsTable.session(session.idHash())),
                        "account_id",
                        AttributeValue.fromS(session.accountId()),
                        "email",
                        AttributeValue.fromS(session.email()),
                        AccountsTable.EXPIRES,
                        AttributeValue.fromN(Long.toString(session.expiresAt().getEpochSecond())))));
    }

    @Override
    public Optional<Session> find(String idHash) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                        .key(AccountsTable.key(AccountsTable.session(idHash)))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Session(
                idHash,
                item.get("account_id").s(),
                item.get("email").s(),
                Instant.ofEpochSecond(
                        Long.parseLong(item.get(AccountsTable.EXPIRES).n()))));
    }

    @Override
    public void delete(String idHash) {
        dynamo.deleteItem(r -> r.tableName(table).key(AccountsTable.key(AccountsTable.session(idHash))));
    }
}
