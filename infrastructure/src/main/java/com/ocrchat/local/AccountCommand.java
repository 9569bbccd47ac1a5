package com.ocrchat.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.ocrchat.auth.Account;
import com.ocrchat.auth.AccountStore;
import com.ocrchat.auth.Caller;
import com.ocrchat.auth.Plan;
import com.ocrchat.aws.AwsClients;
import com.ocrchat.aws.AwsSettings;
import com.ocrchat.aws.DynamoAccountStore;
import com.ocrchat.aws.DynamoBalanceLedger;
import com.ocrchat.json.Json;
import com.ocrchat.metering.Balance;
import com.ocrchat.metering.Meter;
import com.ocrchat.metering.Plans;
import com.ocrchat.settings.Env;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ./ocrchat account ...}: create accounts (the token is shown once), show them, add credits,
 * rotate or revoke tokens. Where: a running local server ({@code --server URL}), else the local data
 * folder ({@code --data DIR}, default ./data: through the server running on it, or opened for the
 * moment), or with {@code --aws} the deployed stack's table (AWS credentials and region from the
 * environment, the table from OCRCHAT_ACCOUNTS_TABLE).
 */
public final class AccountCommand {
    static final String USAGE = """
            usage: ocrchat account create --plan free|paid [--credits N]
                   ocrchat account show ACCOUNT_ID
                   ocrchat account add-credits ACCOUNT_ID N
                   ocrchat account rotate-token ACCOUNT_ID
                   ocrchat account revoke ACCOUNT_ID
            where: [--server http://127.0.0.1:3000 | --data DIR | --aws]""";

    private AccountCommand() {}

    public static void main(String[] args) {
        try {
            System.out.println(run(args));
            System.exit(0);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        } catch (Exception e) {
            System.err.println("Failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The account operations, given an account store and a meter on the chosen stack. */
    private interface Operation {
        String apply(AccountStore accounts, Meter meter);
    }

    static String run(String[] args) throws Exception {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--plan", "--credits", "--data", "--server", "--template" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(args[i] + " needs a value");
                    }
                    options.put(args[i], args[++i]);
                }
                case "--aws" -> options.put("--aws", "true");
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new IllegalArgumentException("Unknown option " + args[i]);
                    }
                    positional.add(args[i]);
                }
            }
        }
        if (positional.isEmpty()) {
            throw new IllegalArgumentException("Which account command?");
        }
        Operation operation = switch (positional.get(0)) {
            case "create" -> create(options);
            case "show" -> {
                String id = argument(positional, 1, "ACCOUNT_ID");
                yield (accounts, meter) -> show(
                        accounts.find(id).orElseThrow(() -> new IllegalArgumentException("No account " + id)), meter);
            }
            case "add-credits" -> {
                String id = argument(positional, 1, "ACCOUNT_ID");
                long credits = number(argument(positional, 2, "N"));
                yield (accounts, meter) ->
                        "Added " + credits + " credits.\n" + show(accounts.addCredits(id, credits), meter);
            }
            case "rotate-token" -> {
                String id = argument(positional, 1, "ACCOUNT_ID");
                yield (accounts, meter) ->
                        "New API token (shown once; the old one no longer works): " + accounts.rotateToken(id);
            }
            case "revoke" -> {
                String id = argument(positional, 1, "ACCOUNT_ID");
                yield (accounts, meter) -> {
                    accounts.revoke(id);
                    return "Revoked account " + id + ": its token no longer works.";
                };
            }
            default -> throw new IllegalArgumentException("Unknown account command '" + positional.get(0) + "'");
        };
        return onStack(options, operation);
    }

    private static Operation create(Map<String, String> options) {
        if (!options.containsKey("--plan")) {
            throw new IllegalArgumentException("--plan free or --plan paid is required");
        }
        Plan plan = Plan.of(options.get("--plan"));
        long credits = options.containsKey("--credits") ? number(options.get("--credits")) : 0;
        if (plan == Plan.ANONYMOUS || plan == Plan.FREE && credits > 0) {
            throw new IllegalArgumentException(
                    "--credits is for paid accounts; a free account has a monthly page allowance");
        }
        return (accounts, meter) -> {
            AccountStore.Created created = accounts.create(plan, credits);
            return "Created a " + plan.id() + " account " + created.account().id()
                    + (plan == Plan.PAID ? " with " + credits + " credits" : "") + "\nAPI token (shown once): "
                    + created.token();
        };
    }

    private static String show(Account account, Meter meter) {
        Balance balance = meter.balance(Caller.of(account, "cli"));
        return "account  " + account.id()
                + "\nplan     " + account.plan().id() + (account.revoked() ? " (revoked)" : "")
                + "\ncreated  " + account.createdAt()
                + (account.plan() == Plan.PAID
                        ? "\ncredits  " + balance.remaining() + " left of " + balance.cap() + " bought ("
                                + balance.used() + " spent)"
                        : "\npages    " + balance.used() + " of " + balance.cap() + " used this month, renews "
                                + balance.resetsAt());
    }

    private static String onStack(Map<String, String> options, Operation operation) throws Exception {
        if (options.containsKey("--aws")) {
            AwsSettings settings = AwsSettings.from(Env.fromEnvironment());
            return withDynamo(settings, settings.accountsTable(), operation);
        }
        String table = LocalResources.localName("AccountsTable");
        if (options.containsKey("--server")) {
            return withDynamo(settingsFor(localEndpoint(options.get("--server"))), table, operation);
        }
        Path data = Path.of(options.getOrDefault("--data", "data"));
        Path serverFile = LocalServer.serverFile(data);
        if (Files.exists(serverFile)) {
            JsonNode server = Json.MAPPER.readTree(serverFile.toFile());
            if (ProcessHandle.of(server.get("pid").asLong())
                    .map(ProcessHandle::isAlive)
                    .orElse(false)) {
                return withDynamo(settingsFor(server.get("dynamodb_endpoint").asText()), table, operation);
            }
        }
        try (LocalAws stack = LocalAws.start(data)) {
            AwsSettings settings = AwsSettings.from(Env.of(stack.settings()));
            SamTemplate template = SamTemplate.read(Path.of(options.getOrDefault("--template", "template.yaml")));
            try (DynamoDbClient dynamo = AwsClients.dynamo(settings);
                    var s3 = AwsClients.s3(settings);
                    var sqs = AwsClients.sqs(settings)) {
                LocalResources.create(template, dynamo, s3, sqs, null);
            }
            return withDynamo(settings, table, operation);
        }
    }

    private static String withDynamo(AwsSettings settings, String table, Operation operation) {
        try (DynamoDbClient dynamo = AwsClients.dynamo(settings)) {
            return operation.apply(
                    new DynamoAccountStore(dynamo, table),
                    new Meter(
                            new DynamoBalanceLedger(dynamo, table),
                            Plans.from(Env.fromEnvironment()),
                            Clock.systemUTC()));
        }
    }

    /** Where a running local server keeps its tables, as it says on its local-only endpoint. */
    private static String localEndpoint(String serverUrl) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create(serverUrl.replaceAll("/+$", "") + LocalServer.LOCAL_AWS_PATH))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalArgumentException("No local server answers at " + serverUrl + " (" + e.getMessage() + ")");
        }
        if (response.statusCode() != 200) {
            throw new IllegalArgumentException(serverUrl + " is not an ocrchat local server");
        }
        return Json.MAPPER.readTree(response.body()).get("dynamodb_endpoint").asText();
    }

    private static AwsSettings settingsFor(String dynamoEndpoint) {
        Map<String, String> values = new HashMap<>(Map.of(
                "OCRCHAT_DYNAMODB_ENDPOINT",
                dynamoEndpoint,
                "OCRCHAT_LOCAL_ACCESS_KEY",
                LocalAws.ACCESS_KEY,
                "OCRCHAT_LOCAL_SECRET_KEY",
                LocalAws.SECRET_KEY));
        return AwsSettings.from(Env.of(values));
    }

    private static String argument(List<String> positional, int index, String name) {
        if (positional.size() <= index) {
            throw new IllegalArgumentException(positional.get(0) + " needs " + name);
        }
        return positional.get(index);
    }

    private static long number(String value) {
        try {
            long number = Long.parseLong(value);
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a whole number of credits");
        }
    }
}
