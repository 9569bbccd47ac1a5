package com.ocrchat.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A test handler: answers with the event it received, as JSON, and counts how often it was built. */
public class EchoHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public EchoHandler() {
        INSTANCES.incrementAndGet();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        if (event.getQueryStringParameters() != null
                && event.getQueryStringParameters().containsKey("binary")) {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(201)
                    .withHeaders(
                            Map.of("content-type", "application/octet-stream", "x-function", context.getFunctionName()))
                    .withCookies(List.of("session=abc; Path=/", "theme=dark"))
                    .withBody(Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, (byte) 0xFF}))
                    .withIsBase64Encoded(true)
                    .build();
        }
        try {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(200)
                    .withHeaders(Map.of("content-type", "application/json"))
                    .withBody(MAPPER.writeValueAsString(event))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
