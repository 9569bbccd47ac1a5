package com.ocrchat.functions.job;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ocrchat.auth.Authenticator;
import com.ocrchat.http.ApiResponses;
import com.ocrchat.http.HttpEndpoint;
import com.ocrchat.http.RateLimitHeaders;
import com.ocrchat.job.JobQueries;
import com.ocrchat.metering.Meter;
import com.ocrchat.wiring.Wiring;

/** GET /api/v1/ocr/{uuid}/: the caller's job, with its result once done. */
public class GetJobHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Authenticator authenticator;
    private final JobQueries jobs;
    private final Meter meter;

    public GetJobHandler() {
        this(Wiring.fromEnvironment());
    }

    public GetJobHandler(Wiring wiring) {
        this.authenticator = wiring.authenticator();
        this.jobs = wiring.jobQueries();
        this.meter = wiring.meter();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpEndpoint.respond(event, context, request -> {
            var caller = authenticator.authenticate(request.credentials());
            return ApiResponses.json(
                    200,
                    jobs.view(caller, request.pathParameter("uuid").orElse("")),
                    RateLimitHeaders.of(caller, meter));
        });
    }
}
