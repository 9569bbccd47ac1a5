package com.ocrchat.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.ocrchat.auth.AccountStore;
import com.ocrchat.auth.DynamoAccountStore;
import com.ocrchat.auth.Plan;
import com.ocrchat.json.Json;
import com.ocrchat.settings.Settings;
import com.ocrchat.store.AwsClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ./ocrchat account create --plan free|paid [--credits N]}: makes an account and prints its token
 * (shown this once). Where: the running local server's stack when there is one, else the local data
 * folder (opened for the moment), or with {@code --aws} the deployed stack's table (AWS credentials and
 * region from the environment, table from OCRCHAT_ACCOUNTS_TABLE).
 */
public final class AccountCommand {
    private AccountCommand() {
    }

    public static void main(String[] args) throws Exception {
        try {
            System.out.println(run(args));
            System.exit(0);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: ocrchat account create --plan free|paid [--credits N] [--data DIR | --aws]");
            System.exit(2);
        }
    }

    static String run(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("create")) {
            throw new IllegalArgumentException("Unknown account command" + (args.length == 0 ? "" : " '" + args[0] + "'"));
        }
        Plan plan = null;
        long credits = 0;
        Path data = Path.of("data");
        boolean aws = false;
        Path template = Path.of("template.yaml");
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--plan" -> plan = Plan.of(value(args, ++i));
                case "--credits" -> credits = Long.parseLong(value(args, ++i));
                case "--data" -> data = Path.of(value(args, ++i));
                case "--aws" -> aws = true;
                case "--template" -> template = Path.of(value(args, ++i));
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        if (plan == null || plan == Plan.ANONYMOUS) {
            throw new IllegalArgumentException("--plan free or --plan paid is required");
        }
        if (credits < 0 || plan == Plan.FREE && credits > 0) {
            throw new IllegalArgumentException("--credits is a positive number of credits for a paid account");
        }
        Plan chosen = plan;
        long bought = credits;
        return withAccounts(aws, data, template, accounts -> {
            AccountStore.Created created = accounts.create(chosen, bought);
            return "Created a " + chosen.id() + " account " + created.account().id()
                    + (chosen == Plan.PAID ? " with " + bought + " credits" : "") + "\nAPI token (shown once): " + created.token();
        });
    }

    private static String withAccounts(boolean aws, Path data, Path templateFile, Function<AccountStore, String> action) throws Exception {
        if (aws) {
            Settings settings = Settings.fromEnvironment();
            try (DynamoDbClient dynamo = AwsClients.dynamo(settings)) {
                return action.apply(new DynamoAccountStore(dynamo, settings.accountsTable));
            }
        }
        String table = LocalResources.localName("AccountsTable");
        Path serverFile = LocalServer.serverFile(data);
        if (Files.exists(serverFile)) {
            JsonNode server = Json.MAPPER.readTree(serverFile.toFile());
            Settings settings = Settings.of(Map.of("OCRCHAT_DYNAMODB_ENDPOINT", server.get("dynamodb_endpoint").asText(),
                    "OCRCHAT_LOCAL_ACCESS_KEY", LocalAws.ACCESS_KEY, "OCRCHAT_LOCAL_SECRET_KEY", LocalAws.SECRET_KEY));
            boolean running = ProcessHandle.of(server.get("pid").asLong()).map(ProcessHandle::isAlive).orElse(false);
            if (running) {
                try (DynamoDbClient dynamo = AwsClients.dynamo(settings)) {
                    return action.apply(new DynamoAccountStore(dynamo, table));
                }
            }
        }
        try (LocalAws stack = LocalAws.start(data)) {
            Settings settings = Settings.of(stack.settings());
            SamTemplate template = SamTemplate.read(templateFile);
            try (DynamoDbClient dynamo = AwsClients.dynamo(settings); var s3 = AwsClients.s3(settings)) {
                LocalResources.create(template, dynamo, s3);
                return action.apply(new DynamoAccountStore(dynamo, table));
            }
        }
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }
}
