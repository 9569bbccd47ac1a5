package com.ocrchat.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.auth.Account;
import com.ocrchat.auth.Plan;
import com.ocrchat.aws.AwsClients;
import com.ocrchat.aws.AwsSettings;
import com.ocrchat.aws.DynamoAccountStore;
import com.ocrchat.settings.Env;
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
        String printed = AccountCommand.run(new String[] {
            "create",
            "--plan",
            "paid",
            "--credits",
            "250",
            "--data",
            data.toString(),
            "--template",
            TestServer.repositoryRoot().resolve("template.yaml").toString()
        });

        Matcher token = Pattern.compile("ocr_[A-Za-z0-9_-]{43}").matcher(printed);
        assertTrue(token.find(), printed);
        assertTrue(printed.contains("paid account") && printed.contains("250 credits"), printed);

        // A new stack on the same folder (a restart) still knows the token.
        try (LocalAws restarted = LocalAws.start(data);
                DynamoDbClient dynamo = AwsClients.dynamo(AwsSettings.from(Env.of(restarted.settings())))) {
            Account account = new DynamoAccountStore(dynamo, LocalResources.localName("AccountsTable"))
                    .findByToken(token.group())
                    .orElseThrow();
            assertEquals(Plan.PAID, account.plan());
            assertEquals(250, account.credits());
        }
    }

    @Test
    void managesAccountsOnARunningServer() throws Exception {
        LocalServer server = TestServer.get();
        String created = AccountCommand.run(
                new String[] {"create", "--plan", "paid", "--credits", "10", "--server", server.url()});
        String id = created.split(" ")[4].trim();
        String token = token(created);
        assertEquals(
                id, server.stores().accounts().findByToken(token).orElseThrow().id());

        String shown = AccountCommand.run(new String[] {"add-credits", id, "15", "--server", server.url()});
        assertTrue(shown.contains("25 left of 25 bought (0 spent)"), shown);
        assertTrue(AccountCommand.run(new String[] {"show", id, "--server", server.url()})
                .contains("plan     paid"));

        String rotated = token(AccountCommand.run(new String[] {"rotate-token", id, "--server", server.url()}));
        assertTrue(server.stores().accounts().findByToken(token).isEmpty(), "the old token stops at once");
        assertTrue(server.stores().accounts().findByToken(rotated).isPresent());

        assertTrue(AccountCommand.run(new String[] {"revoke", id, "--server", server.url()})
                .contains("Revoked"));
        assertTrue(server.stores().accounts().findByToken(rotated).isEmpty());
        assertTrue(AccountCommand.run(new String[] {"show", id, "--server", server.url()})
                .contains("(revoked)"));
        assertThrows(
                IllegalArgumentException.class,
                () -> AccountCommand.run(new String[] {"show", "nobody", "--server", server.url()}));
    }

    private static String token(String printed) {
        Matcher token = Pattern.compile("ocr_[A-Za-z0-9_-]{43}").matcher(printed);
        assertTrue(token.find(), printed);
        return token.group();
    }

    @Test
    void badUsageIsExplained() {
        assertThrows(IllegalArgumentException.class, () -> AccountCommand.run(new String[] {}));
        assertThrows(IllegalArgumentException.class, () -> AccountCommand.run(new String[] {"create"}));
        assertThrows(
                IllegalArgumentException.class, () -> AccountCommand.run(new String[] {"create", "--plan", "gold"}));
        assertThrows(
                IllegalArgumentException.class,
                () -> AccountCommand.run(new String[] {"create", "--plan", "free", "--credits", "5"}));
        assertThrows(
                IllegalArgumentException.class,
                () -> AccountCommand.run(new String[] {"add-credits", "someone", "many"}));
        assertThrows(
                IllegalArgumentException.class,
                () -> AccountCommand.run(new String[] {"show", "x", "--server", "http://127.0.0.1:9"}));
    }
}
