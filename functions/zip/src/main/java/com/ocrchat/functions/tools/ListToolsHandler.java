package com.ocrchat.functions.tools;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ocrchat.http.ApiResponses;
import com.ocrchat.http.HttpEndpoint;
import com.ocrchat.model.ModelSettings;
import com.ocrchat.tools.ToolCatalog;
import com.ocrchat.wiring.Wiring;
import java.util.Map;

/** GET /api/v1/tools/: the tools (presets for tool=) with their tier, parameters and availability on this server. */
public class ListToolsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final ToolCatalog tools;

    public ListToolsHandler() {
        this(Wiring.fromEnvironment());
    }

    /** Availability comes from the settings alone: no model client is built to list the tools. */
    public ListToolsHandler(Wiring wiring) {
        ModelSettings models = ModelSettings.from(wiring.env());
        this.tools = new ToolCatalog(models.vlmConfigured(), models.translationConfigured());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpEndpoint.respond(event, context, request -> ApiResponses.json(200, Map.of("tools", tools.list())));
    }
}
