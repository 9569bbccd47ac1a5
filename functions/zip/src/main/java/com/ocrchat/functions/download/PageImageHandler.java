package com.ocrchat.functions.download;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ocrchat.auth.Authenticator;
import com.ocrchat.export.BrowserImages;
import com.ocrchat.http.HttpEndpoint;
import com.ocrchat.wiring.Wiring;
import java.util.Base64;
import java.util.Map;

/**
 * GET /api/v1/ocr/{uuid}/pages/{page}/image/: the page as it was recognized (a JPEG, the scan's own where the page is
 * one, or a PNG if bilevel), at its size: the space of its blocks' bbox.
 */
public class PageImageHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Authenticator authenticator;
    private final BrowserImages images;

    public PageImageHandler() {
        this(Wiring.fromEnvironment());
    }

    public PageImageHandler(Wiring wiring) {
        this.authenticator = wiring.authenticator();
        this.images = new BrowserImages(wiring.jobQueries(), wiring.stores().objects());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpEndpoint.respond(event, context, request -> {
            var caller = authenticator.authenticate(request.credentials());
            var image = images.image(
                    caller,
                    request.pathParameter("uuid").orElse(""),
                    request.pathParameter("page").orElse(""));
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(200)
                    .withHeaders(Map.of(
                            "content-type",
                            image.mediaType(),
                            "cache-control",
                            // A page still being read may be sent before its size is known: not to be kept.
                            image.lasting() ? "private, max-age=3600" : "no-store"))
                    .withBody(Base64.getEncoder().encodeToString(image.bytes()))
                    .withIsBase64Encoded(true)
                    .build();
        });
    }
}
