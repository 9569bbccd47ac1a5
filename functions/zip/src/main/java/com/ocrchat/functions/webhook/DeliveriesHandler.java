package com.ocrchat.functions.webhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ocrchat.auth.Authenticator;
import com.ocrchat.http.ApiResponses;
import com.ocrchat.http.HttpEndpoint;
import com.ocrchat.webhook.Webhooks;
import com.ocrchat.wiring.Wiring;

/**
 * GET /api/v1/ocr/{uuid}/deliveries/: the job's webhook delivery log. POST: deliver it again ({@code 202}, the log
 * showing it queued).
 */
public class DeliveriesHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Authenticator authenticator;
    private final Webhooks webhooks;

    public DeliveriesHandler() {
        this(Wiring.fromEnvironment());
    }

    public DeliveriesHandler(Wiring wiring) {
        this.authenticator = wiring.authenticator();
        this.webhooks = wiring.webhooks();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpEndpoint.respond(event, context, request -> {
            var caller = authenticator.authenticate(request.credentials());
            String uuid = request.pathParameter("uuid").orElse("");
            return request.method().equals("POST")
                    ? ApiResponses.json(202, webhooks.redeliver(caller, uuid))
                    : ApiResponses.json(200, webhooks.deliveries(caller, uuid));
        });
    }
}
