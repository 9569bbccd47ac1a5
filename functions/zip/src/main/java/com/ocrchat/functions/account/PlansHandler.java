package com.ocrchat.functions.account;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ocrchat.http.ApiResponses;
import com.ocrchat.http.HttpEndpoint;
import com.ocrchat.metering.Plans;
import com.ocrchat.metering.PriceSheet;
import com.ocrchat.wiring.Wiring;

/** GET /api/v1/plans/: the plans, their credits and page caps, and what a page costs per tier (no token needed). */
public class PlansHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final PriceSheet sheet;

    public PlansHandler() {
        this(Wiring.fromEnvironment());
    }

    public PlansHandler(Wiring wiring) {
        this.sheet = PriceSheet.of(Plans.from(wiring.env()));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpEndpoint.respond(event, context, request -> ApiResponses.json(200, sheet));
    }
}
