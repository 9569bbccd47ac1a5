package com.ocrchat.functions.ocr;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ocrchat.Application;
import com.ocrchat.auth.Authenticator;
import com.ocrchat.http.ApiResponses;
import com.ocrchat.http.HttpEndpoint;
import com.ocrchat.job.JobService;
import com.ocrchat.metering.Meter;

/** GET /api/v1/ocr/{uuid}/: the caller's job, with its result once done. */
public class GetJobHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Authenticator authenticator;
    private final JobService jobs;
    private final Meter meter;

    public GetJobHandler() {
        this(Application.fromEnvironment());
    }

    public GetJobHandler(Application application) {
        this.authenticator = application.authenticator;
        this.jobs = application.jobs;
        this.meter = application.meter;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpEndpoint.respond(event, request -> {
            var caller = authenticator.authenticate(request);
            return ApiResponses.json(200, jobs.get(caller, request.pathParameter("uuid").orElse("")), meter.rateLimitHeaders(caller));
        });
    }
}
