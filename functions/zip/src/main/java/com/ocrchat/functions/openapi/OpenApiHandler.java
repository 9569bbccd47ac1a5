package com.ocrchat.functions.openapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.ocrchat.http.ApiResponses;
import com.ocrchat.http.HttpEndpoint;
import com.ocrchat.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * GET /api/v1/openapi.json: the OpenAPI 3.1 description of every route, field, job object and error (written by
 * hand beside this class; OpenApiTest validates it and checks it against the template and real responses).
 */
public class OpenApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final String DOCUMENT = "openapi.json";

    private final JsonNode description;

    public OpenApiHandler() {
        try (InputStream in = OpenApiHandler.class.getResourceAsStream(DOCUMENT)) {
            this.description = Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The OpenAPI description is missing from the artifact", e);
        }
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpEndpoint.respond(event, context, request -> ApiResponses.json(200, description));
    }
}
