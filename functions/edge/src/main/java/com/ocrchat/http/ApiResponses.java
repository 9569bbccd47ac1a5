package com.ocrchat.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ocrchat.json.Json;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the payload-2.0 responses the handlers return. */
public final class ApiResponses {
    private static final String JSON = "application/json; charset=utf-8";

    private ApiResponses() {}

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return json(status, body, Map.of());
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("content-type", JSON);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(all)
                .withBody(Json.write(body))
                .withIsBase64Encoded(false)
                .build();
    }

    /** A file to save: base64 in the Lambda response, decoded by API Gateway. */
    public static APIGatewayV2HTTPResponse file(byte[] bytes, String contentType, String filename) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of(
                        "content-type",
                        contentType,
                        "content-disposition",
                        com.ocrchat.store.ContentDisposition.attachment(filename)))
                .withBody(Base64.getEncoder().encodeToString(bytes))
                .withIsBase64Encoded(true)
                .build();
    }

    public static APIGatewayV2HTTPResponse redirect(String location) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(302)
                .withHeaders(Map.of("location", location, "content-type", JSON))
                .withBody(Json.write(Map.of("url", location)))
                .withIsBase64Encoded(false)
                .build();
    }
}
