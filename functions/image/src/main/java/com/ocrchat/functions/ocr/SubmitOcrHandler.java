package com.ocrchat.functions.ocr;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ocrchat.auth.Authenticator;
import com.ocrchat.http.ApiResponses;
import com.ocrchat.http.ErrorResponses;
import com.ocrchat.http.HttpEndpoint;
import com.ocrchat.http.RateLimitHeaders;
import com.ocrchat.http.SubmitForm;
import com.ocrchat.job.IdempotentSubmissions;
import com.ocrchat.job.Submissions;
import com.ocrchat.metering.Meter;
import com.ocrchat.metering.Plans;
import com.ocrchat.model.ModelSettings;
import com.ocrchat.ocr.EngineSettings;
import com.ocrchat.settings.Env;
import com.ocrchat.settings.JobFlow;
import com.ocrchat.settings.Limits;
import com.ocrchat.settings.Retention;
import com.ocrchat.tools.ToolCatalog;
import com.ocrchat.wiring.Wiring;

/** POST /api/v1/ocr/: a multipart upload in, the job out (200 done inline for short documents, 202 for the workers). */
public class SubmitOcrHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Authenticator authenticator;
    private final Meter meter;
    private final IdempotentSubmissions submissions;
    private final long maxFileBytes;

    public SubmitOcrHandler() {
        this(Wiring.fromEnvironment());
    }

    public SubmitOcrHandler(Wiring wiring) {
        Env env = wiring.env();
        ModelSettings models = ModelSettings.from(env);
        Submissions.Rules rules = new Submissions.Rules(
                new ToolCatalog(models.vlmConfigured(), models.translationConfigured()),
                EngineSettings.from(env).vlmFallsBackToCpu(),
                Plans.from(env),
                JobFlow.from(env),
                Retention.from(env).jobs());
        this.authenticator = wiring.authenticator();
        this.meter = wiring.meter();
        this.maxFileBytes = Limits.from(env).maxFileBytes();
        this.submissions = new IdempotentSubmissions(
                new Submissions(
                        wiring.lifecycle(),
                        OcrEngines.jobPages(wiring),
                        meter,
                        wiring.stores().objects(),
                        wiring.chunkQueue(),
                        wiring.uploads(),
                        wiring.userUrls(),
                        rules,
                        wiring.clock()),
                wiring.jobQueries(),
                wiring.idempotency());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpEndpoint.respond(event, context, request -> {
            var caller = authenticator.authenticate(request.credentials());
            var submitted = submissions.submit(
                    caller, SubmitForm.parse(request, maxFileBytes), request.header("idempotency-key"));
            // 202 while the job is being read; a finished one (done, or failed as a repeat under an Idempotency-Key
            // shows it) is 200 with its status.
            int status = submitted.failure() != null
                    ? ErrorResponses.status(submitted.failure())
                    : submitted.job().status().isFinished() ? 200 : 202;
            return ApiResponses.json(status, submitted.job(), RateLimitHeaders.of(caller, meter));
        });
    }
}
