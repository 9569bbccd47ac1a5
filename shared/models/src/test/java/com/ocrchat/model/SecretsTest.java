package com.ocrchat.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.aws.AwsSettings;
import com.ocrchat.settings.Env;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI key read from Secrets Manager, through the SDK against a local server that answers
 * GetSecretValue as Secrets Manager's JSON protocol does.
 */
class SecretsTest {
    private static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:ocrchat-openai-AbCdEf";

    @Test
    void theKeyIsTheSecretsStringAsSecretsManagerAnswersIt() throws Exception {
        List<String> requests = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestHeaders().getFirst("X-Amz-Target") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = ("{\"ARN\":\"" + ARN
                            + "\",\"Name\":\"ocrchat-openai\",\"SecretString\":\"sk-from-secrets\\n\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            AwsSettings aws = AwsSettings.from(Env.of(Map.of(
                    "OCRCHAT_SECRETSMANAGER_ENDPOINT",
                    "http://127.0.0.1:" + server.getAddress().getPort())));
            assertEquals("sk-from-secrets", Secrets.read(aws, ARN));
            assertEquals(1, requests.size());
            assertTrue(requests.get(0).startsWith("secretsmanager.GetSecretValue "), requests.get(0));
            assertTrue(requests.get(0).contains(ARN), requests.get(0));
        } finally {
            server.stop(0);
        }
    }
}
