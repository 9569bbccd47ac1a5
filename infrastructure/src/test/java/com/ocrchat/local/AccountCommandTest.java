package com.ocrchat.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.auth.Account;
import com.ocrchat.auth.DynamoAccountStore;
import com.ocrchat.auth.Plan;
import com.ocrchat.settings.Settings;
import com.ocrchat.store.AwsClients;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class AccountCommandTest {

    @TempDir
    Path data;

    @Test
    void createsAnAccountInTheDataFolderThatOutlivesTheStack() throws Exception {
        String printed = AccountCommand.run(new String[] {"create", "--plan", "paid", "--credits", "250", "--data", data.toString(),
                "--template", TestServer.repositoryRoot().resolve("template.yaml").toString()});

        Matcher token = Pattern.compile("ocr_[A-Za-z0-9_-]{43}").matcher(printed);
        assertTrue(token.find(), printed);
        assertTrue(printed.contains("paid account") && printed.contains("250 credits"), printed);

        // A new stack on the same folder (a restart) still knows the token.
        try (LocalAws restarted = LocalAws.start(data); DynamoDbClient dynamo = AwsClients.dynamo(Settings.of(restarted.settings()))) {
            Account account = new DynamoAccountStore(dynamo, LocalResources.localName("AccountsTable")).findByToken(token.group()).orElseThrow();
            assertEquals(Plan.PAID, account.plan());
            assertEquals(250, account.credits());
        }
    }

    @Test
    void badUsageIsExplained() {
        assertThrows(IllegalArgumentException.class, () -> AccountCommand.run(new String[] {}));
        assertThrows(IllegalArgumentException.class, () -> AccountCommand.run(new String[] {"create"}));
        assertThrows(IllegalArgumentException.class, () -> AccountCommand.run(new String[] {"create", "--plan", "gold"}));
        assertThrows(IllegalArgumentException.class, () -> AccountCommand.run(new String[] {"create", "--plan", "free", "--credits", "5"}));
    }
}
