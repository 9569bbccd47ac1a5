package com.ocrchat.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
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
import java.util.LinkedHashMap;
import java.util.Map;

/** The one place a domain failure becomes an HTTP status and a JSON body: {@code {"error": message, ...details}}. */
public final class ErrorResponses {
    private ErrorResponses() {}

    /** Every kind of domain failure has its status here; a kind added without one fails the build's test of this class. */
    public static int status(OcrChatException error) {
        if (error instanceof InvalidInput || error instanceof UnsupportedDocument) {
            return 400;
        }
        if (error instanceof LimitExceeded limit) {
            return limit.wholeRequest() ? 413 : 400;
        }
        if (error instanceof Unauthenticated) {
            return 401;
        }
        if (error instanceof PaymentRequired) {
            return 402;
        }
        if (error instanceof NotFound) {
            return 404;
        }
        if (error instanceof Forbidden) {
            return 403;
        }
        if (error instanceof NotReady || error instanceof Conflict) {
            return 409;
        }
        if (error instanceof TooManyRequests) {
            return 429;
        }
        if (error instanceof IdempotencyKeyReused) {
            return 422;
        }
        if (error instanceof ProviderFailure) {
            return 502;
        }
        if (error instanceof RecognitionFailure) {
            return 500;
        }
        throw new IllegalStateException("No HTTP status for " + error.getClass().getSimpleName());
    }

    public static APIGatewayV2HTTPResponse of(OcrChatException error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.getMessage());
        body.putAll(error.details());
        Map<String, String> headers = error instanceof PaymentRequired payment && payment.resetsAt() != null
                ? RateLimitHeaders.of(payment.cap(), payment.used(), payment.resetsAt())
                : Map.of();
        return ApiResponses.json(status(error), body, headers);
    }

    /** A fault of ours that the domain did not name: logged by the caller, answered without its details. */
    public static APIGatewayV2HTTPResponse internal() {
        return ApiResponses.json(500, Map.of("error", "Internal error; the request was not completed"));
    }
}
