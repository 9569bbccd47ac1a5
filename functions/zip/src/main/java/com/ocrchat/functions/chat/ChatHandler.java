package com.ocrchat.functions.chat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ocrchat.auth.Authenticator;
import com.ocrchat.chat.AnswerProviders;
import com.ocrchat.chat.ChatService;
import com.ocrchat.chat.ChatSettings;
import com.ocrchat.http.ApiResponses;
import com.ocrchat.http.HttpEndpoint;
import com.ocrchat.model.ModelSettings;
import com.ocrchat.wiring.Wiring;

/** POST /api/v1/chat/{uuid}/: a question about a finished job; the answer cites its pages. Account token required. */
public class ChatHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Authenticator authenticator;
    private final ChatService chat;

    public ChatHandler() {
        this(Wiring.fromEnvironment());
    }

    public ChatHandler(Wiring wiring) {
        this.authenticator = wiring.authenticator();
        this.chat = new ChatService(
                wiring.jobQueries(),
                wiring.stores().conversations(),
                AnswerProviders.of(ModelSettings.from(wiring.env()), wiring.aws()),
                wiring.stores().ledger(),
                wiring.stores().objects(),
                ChatSettings.from(wiring.env()),
                wiring.clock());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpEndpoint.respond(event, context, request -> {
            var caller = authenticator.requireAccount(request.credentials());
            return ApiResponses.json(
                    200, chat.ask(caller, request.pathParameter("uuid").orElse(""), ChatBody.parse(request)));
        });
    }
}
