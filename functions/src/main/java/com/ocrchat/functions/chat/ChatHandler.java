package com.ocrchat.functions.chat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ocrchat.Application;
import com.ocrchat.auth.Authenticator;
import com.ocrchat.chat.ChatService;
import com.ocrchat.http.ApiResponses;
import com.ocrchat.http.HttpEndpoint;

/** POST /api/v1/chat/{uuid}/: a question about a finished job; the answer cites its pages. Account token required. */
public class ChatHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Authenticator authenticator;
    private final ChatService chat;

    public ChatHandler() {
        this(Application.fromEnvironment());
    }

    public ChatHandler(Application application) {
        this.authenticator = application.authenticator;
        this.chat = application.chat;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpEndpoint.respond(event, request -> {
            var caller = authenticator.requireAccount(request);
            return ApiResponses.json(200, chat.ask(caller, request.pathParameter("uuid").orElse(""), request.body()));
        });
    }
}
