package com.ocrchat.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.ocrchat.error.Conflict;
import com.ocrchat.error.Forbidden;
import com.ocrchat.error.IdempotencyKeyReused;
import com.ocrchat.error.InvalidInput;
import com.ocrchat.error.LimitExceeded;
import com.ocrchat.error.NotFound;
import com.ocrchat.error.NotReady;
import com.ocrchat.error.OcrChatException;
import com.ocrchat.error.PaymentRequired;
import com.ocrchat.error.ProviderFailure;
import com.ocrchat.error.RecognitionFailure;
import com.ocrchat.error.TooManyRequests;
import com.ocrchat.error.Unauthenticated;
import com.ocrchat.error.UnsupportedDocument;
import com.ocrchat.json.Json;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorResponsesTest {

    @Test
    void everyKindOfFailureHasItsStatus() {
        assertEquals(400, ErrorResponses.status(new InvalidInput("x")));
        assertEquals(400, ErrorResponses.status(UnsupportedDocument.onPage(6, "is corrupt", null)));
        assertEquals(400, ErrorResponses.status(new LimitExceeded("x", Map.of())));
        assertEquals(413, ErrorResponses.status(LimitExceeded.requestTooLarge("x", Map.of())));
        assertEquals(401, ErrorResponses.status(new Unauthenticated("x")));
        assertEquals(402, ErrorResponses.status(new PaymentRequired("x", "free", 100, 100, 1, Instant.EPOCH)));
        assertEquals(404, ErrorResponses.status(new NotFound("x")));
        assertEquals(409, ErrorResponses.status(new NotReady("x", "pending")));
        assertEquals(429, ErrorResponses.status(new TooManyRequests("x")));
        assertEquals(422, ErrorResponses.status(new IdempotencyKeyReused("x")));
        assertEquals(403, ErrorResponses.status(new Forbidden("x")));
        assertEquals(409, ErrorResponses.status(new Conflict("x")));
        assertEquals(500, ErrorResponses.status(new RecognitionFailure("x")));
        assertEquals(502, ErrorResponses.status(new ProviderFailure("x", null)));
        List<String> mapped = List.of(
                "InvalidInput",
                "UnsupportedDocument",
                "LimitExceeded",
                "Unauthenticated",
                "PaymentRequired",
                "NotFound",
                "NotReady",
                "TooManyRequests",
                "IdempotencyKeyReused",
                "Forbidden",
                "Conflict",
                "RecognitionFailure",
                "ProviderFailure");
        assertEquals(mapped.size(), OcrChatException.class.getPermittedSubclasses().length);
        assertTrue(
                Arrays.stream(OcrChatException.class.getPermittedSubclasses())
                        .allMatch(kind -> mapped.contains(kind.getSimpleName())),
                "a new kind of failure needs its status here");
    }

    @Test
    void theBodyIsTheMessageAndTheDetailsAndA402CarriesTheAllowanceHeaders() throws Exception {
        var response = ErrorResponses.of(
                new PaymentRequired("Out of pages", "anonymous", 10, 10, 3, Instant.ofEpochSecond(1_800_000_000)));
        JsonNode body = Json.MAPPER.readTree(response.getBody());
        assertEquals("Out of pages", body.get("error").asText());
        assertEquals(10, body.get("used").asInt());
        assertEquals(10, body.get("cap").asInt());
        assertEquals(3, body.get("needed").asInt());
        assertEquals("0", response.getHeaders().get("x-ratelimit-remaining"));
        assertEquals("1800000000", response.getHeaders().get("x-ratelimit-reset"));
        var page = Json.MAPPER.readTree(ErrorResponses.of(UnsupportedDocument.onPage(6, "of the PDF is corrupt", null))
                .getBody());
        assertEquals(6, page.get("page").asInt());
        assertEquals("Page 6 of the PDF is corrupt", page.get("error").asText());
    }
}
