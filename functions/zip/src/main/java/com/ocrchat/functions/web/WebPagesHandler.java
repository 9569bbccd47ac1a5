package com.ocrchat.functions.web;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ocrchat.error.NotFound;
import com.ocrchat.http.HttpEndpoint;
import com.ocrchat.settings.Env;
import com.ocrchat.wiring.Wiring;
import java.util.Map;

/**
 * GET / and GET /{path+}: the product's pages (sign-up, account, upload, job, pricing), built by Vite into
 * this function's own package and served from the same origin as the API, so the session cookie and its CSRF
 * token need no cross-origin rules. A path under /api/ that no route took is the API's 404, in JSON.
 */
public class WebPagesHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final WebAssets assets;
    private final Map<String, String> securityHeaders;

    public WebPagesHandler() {
        this(Wiring.fromEnvironment());
    }

    public WebPagesHandler(Wiring wiring) {
        this.assets = WebAssets.bundled();
        this.securityHeaders = securityHeaders(wiring.env());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpEndpoint.respond(event, context, request -> {
            String path = request.pathParameter("path").orElse("");
            if (path.equals("api") || path.startsWith("api/")) {
                throw new NotFound("No such route: " + request.method() + " /" + path);
            }
            WebAssets.Asset asset = assets.find(path).orElse(null);
            if (asset == null) {
                WebAssets.Asset missing = assets.find("404").orElseThrow();
                return asset(404, missing);
            }
            return asset(200, asset);
        });
    }

    private APIGatewayV2HTTPResponse asset(int status, WebAssets.Asset asset) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(securityHeaders);
        headers.put("content-type", asset.contentType());
        // Vite names built files by their content: they never change. Pages are asked for again each time.
        headers.put("cache-control", asset.immutable() ? "public, max-age=31536000, immutable" : "no-cache");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(asset.base64())
                .withIsBase64Encoded(true)
                .build();
    }

    /**
     * Scripts, styles and fetches from this origin only; large files go to the bucket's presigned URLs, so its
     * origin may be fetched too (the local object store's, or the bucket's as the template names it).
     */
    static Map<String, String> securityHeaders(Env env) {
        String objectStore = env.optional("OCRCHAT_S3_ENDPOINT")
                .or(() -> env.optional("OCRCHAT_UPLOAD_ORIGIN"))
                .orElse("https://*.amazonaws.com");
        return Map.of(
                "content-security-policy",
                "default-src 'self'; img-src 'self' data: blob:; connect-src 'self' " + objectStore
                        + "; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
                "x-content-type-options",
                "nosniff",
                "referrer-policy",
                "same-origin");
    }
}
