package com.ocrchat.functions.ocr;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ocrchat.Application;
import com.ocrchat.auth.Authenticator;
import com.ocrchat.http.ApiResponses;
import com.ocrchat.http.HttpEndpoint;
import com.ocrchat.http.MultipartForm;
import com.ocrchat.job.JobService;
import com.ocrchat.metering.Meter;

/** POST /api/v1/ocr/: a multipart upload in, the job out (done inline for short documents). */
public class SubmitOcrHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Authenticator authenticator;
    private final JobService jobs;
    private final Meter meter;
    private final long maxFileBytes;

    public SubmitOcrHandler() {
        this(Application.fromEnvironment());
    }

    public SubmitOcrHandler(Application application) {
        this.authenticator = application.authenticator;
        this.jobs = application.jobs;
        this.meter = application.meter;
        this.maxFileBytes = application.settings.maxFileBytes;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpEndpoint.respond(event, request -> {
            var caller = authenticator.authenticate(request);
            var submitted = jobs.submit(caller, MultipartForm.parse(request, maxFileBytes));
            return ApiResponses.json(submitted.status(), submitted.job(), meter.rateLimitHeaders(caller));
        });
    }
}
