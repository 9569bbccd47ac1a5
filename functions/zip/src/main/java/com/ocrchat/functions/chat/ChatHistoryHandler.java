package com.ocrchat.functions.chat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ocrchat.auth.Authenticator;
import com.ocrchat.chat.ChatHistory;
import com.ocrchat.http.ApiResponses;
import com.ocrchat.http.HttpEndpoint;
import com.ocrchat.wiring.Wiring;
import java.util.Map;

/** GET /api/v1/chat/{uuid}/history/[?conversation=]: the caller's conversations about the job, messages in order. */
public class ChatHistoryHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Authenticator authenticator;
    private final ChatHistory history;

    public ChatHistoryHandler() {
        this(Wiring.fromEnvironment());
    }

    public ChatHistoryHandler(Wiring wiring) {
        this.authenticator = wiring.authenticator();
        this.history = new ChatHistory(wiring.jobQueries(), wiring.stores().conversations());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpEndpoint.respond(event, context, request -> {
            var caller = authenticator.requireAccount(request.credentials());
            String uuid = request.pathParameter("uuid").orElse("");
            return ApiResponses.json(
                    200,
                    Map.of(
                            "job",
                            uuid,
                            "conversations",
                            history.of(
                                    caller, uuid, request.query("conversation").filter(c -> !c.isBlank()))));
        });
    }
}
