package com.ocrchat.aws;

import com.ocrchat.auth.Login;
import com.ocrchat.auth.LoginStore;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Logins in the accounts table ({@code login#<email>}), one per email by a conditional put. */
public final class DynamoLoginStore implements LoginStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoLoginStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean register(Login login) {
        try {
            dynamo.putItem(r -> r.tableName(table)
                    .item(Map.of(
                            AccountsTable.KEY,
                            AttributeValue.fromS(AccountsTable.login(login.email())),
                            "password_hash",
                            AttributeValue.fromS(login.passwordHash()),
                            "account_id",
                            AttributeValue.fromS(login.accountId())))
                    .conditionExpression("attribute_not_exists(" + AccountsTable.KEY + ")"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<Login> find(String email) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                        .key(AccountsTable.key(AccountsTable.login(email)))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Login(
                email, item.get("password_hash").s(), item.get("account_id").s()));
    }
}
