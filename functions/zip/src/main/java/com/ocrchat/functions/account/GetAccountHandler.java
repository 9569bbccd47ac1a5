package com.ocrchat.functions.account;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ocrchat.account.AccountService;
import com.ocrchat.auth.Authenticator;
import com.ocrchat.http.ApiResponses;
import com.ocrchat.http.HttpEndpoint;
import com.ocrchat.http.RateLimitHeaders;
import com.ocrchat.metering.Meter;
import com.ocrchat.metering.Plans;
import com.ocrchat.wiring.Wiring;
import java.util.Map;

/** GET /api/v1/account/: the caller's plan, balance and recent jobs (an account token is required). */
public class GetAccountHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Authenticator authenticator;
    private final AccountService accounts;
    private final Meter meter;

    public GetAccountHandler() {
        this(Wiring.fromEnvironment());
    }

    public GetAccountHandler(Wiring wiring) {
        this.authenticator = wiring.authenticator();
        this.meter = wiring.meter();
        this.accounts = new AccountService(
                meter, wiring.stores().jobs(), wiring.stores().accounts(), Plans.from(wiring.env()));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpEndpoint.respond(event, context, request -> {
            var caller = authenticator.requireAccount(request.credentials());
            // It holds the webhook secret: no cache keeps it.
            Map<String, String> headers = new java.util.LinkedHashMap<>(RateLimitHeaders.of(caller, meter));
            headers.put("cache-control", "no-store");
            return ApiResponses.json(200, accounts.overview(caller), headers);
        });
    }
}
