package com.ocrchat.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ocrchat.json.Json;
import java.util.Map;

/** Builds the payload-2.0 responses the handlers return. */
public final class ApiResponses {
    private static final String JSON = "application/json; charset=utf-8";

    private ApiResponses() {
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of("content-type", JSON))
                .withBody(Json.write(body))
                .withIsBase64Encoded(false)
                .build();
    }

    public static APIGatewayV2HTTPResponse error(ApiException error) {
        return json(error.status(), error.body());
    }
}
