package com.ocrchat.functions.upload;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ocrchat.auth.Authenticator;
import com.ocrchat.auth.Caller;
import com.ocrchat.http.ApiResponses;
import com.ocrchat.http.HttpEndpoint;
import com.ocrchat.job.Uploads;
import com.ocrchat.wiring.Wiring;

/**
 * POST /api/v1/uploads/ {@code {"size": <bytes>, "filename": ...}}: a presigned PUT URL for a file larger than a
 * request carries, and its upload_id (the same one again under a repeated Idempotency-Key).
 */
public class CreateUploadHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Authenticator authenticator;
    private final Uploads uploads;

    public CreateUploadHandler() {
        this(Wiring.fromEnvironment());
    }

    public CreateUploadHandler(Wiring wiring) {
        this.authenticator = wiring.authenticator();
        this.uploads = wiring.uploads();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpEndpoint.respond(event, context, request -> {
            Caller caller = authenticator.authenticate(request.credentials());
            UploadBody body = UploadBody.parse(request);
            return ApiResponses.json(
                    201, uploads.create(caller, body.size(), body.filename(), request.header("idempotency-key")));
        });
    }
}
