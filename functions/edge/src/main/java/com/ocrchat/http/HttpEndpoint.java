package com.ocrchat.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.ocrchat.error.OcrChatException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one route's logic and maps its outcome to HTTP: a domain failure becomes its JSON error
 * ({@link ErrorResponses}); anything else is a fault of ours, logged and answered with a JSON 500.
 */
public final class HttpEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoint.class);

    private HttpEndpoint() {}

    /**
     * The route's answer; every log line meanwhile carries the request's id (Lambda's, and API Gateway's), never
     * its token or the document's text.
     */
    public static APIGatewayV2HTTPResponse respond(
            APIGatewayV2HTTPEvent event, Context context, Function<ApiRequest, APIGatewayV2HTTPResponse> route) {
        com.ocrchat.events.LogContext.request(
                context,
                event.getRequestContext() == null
                        ? null
                        : event.getRequestContext().getRequestId());
        try {
            return route.apply(new ApiRequest(event));
        } catch (OcrChatException e) {
            return ErrorResponses.of(e);
        } catch (RuntimeException | Error e) {
            LOG.error("Unhandled failure on {}", event.getRawPath(), e);
            return ErrorResponses.internal();
        } finally {
            MDC.clear();
        }
    }
}
