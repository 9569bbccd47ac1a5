package com.ocrchat.functions.download;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ocrchat.auth.Authenticator;
import com.ocrchat.aws.NativeCrypto;
import com.ocrchat.export.DownloadService;
import com.ocrchat.export.ExportFormat;
import com.ocrchat.http.ApiResponses;
import com.ocrchat.http.HttpEndpoint;
import com.ocrchat.settings.Limits;
import com.ocrchat.wiring.Wiring;

/** GET /api/v1/ocr/{uuid}/download/?format=txt|md|docx|pdf|csv|json|hocr|alto[&translated=true]: the export, or a 302 to it when large. */
public class DownloadHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Authenticator authenticator;
    private final DownloadService downloads;

    public DownloadHandler() {
        this(Wiring.fromEnvironment());
    }

    public DownloadHandler(Wiring wiring) {
        Limits limits = Limits.from(wiring.env());
        this.authenticator = wiring.authenticator();
        this.downloads = new DownloadService(
                wiring.jobQueries(), wiring.stores().objects(), limits.pdfDpi(), limits.inlineDownloadMaxBytes());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        // Native crypto, installed on a request, never in the constructor: that runs before the SnapStart snapshot,
        // which would copy the provider's random generator into every restored copy.
        NativeCrypto.installInBackground();
        return HttpEndpoint.respond(event, context, request -> {
            var caller = authenticator.authenticate(request.credentials());
            String format = request.query("format").orElse(null);
            if (ExportFormat.of(format) == ExportFormat.PDF) {
                // Made from the page images, megabytes over TLS: an S3 connection opened before the provider is in
                // keeps the JDK's cipher while it is reused, so the first PDF waits for it (once, 0.25-0.5 s).
                NativeCrypto.installed();
            }
            var download = downloads.download(
                    caller,
                    request.pathParameter("uuid").orElse(""),
                    format,
                    request.query("translated").orElse(null));
            return download.redirect() != null
                    ? ApiResponses.redirect(download.redirect())
                    : ApiResponses.file(download.bytes(), download.format().contentType(), download.filename());
        });
    }
}
