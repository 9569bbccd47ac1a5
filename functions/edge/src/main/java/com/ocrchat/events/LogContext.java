package com.ocrchat.events;

import com.amazonaws.services.lambda.runtime.Context;
import org.slf4j.MDC;

/**
 * What every log line of an invocation carries (as JSON fields on Lambda): the Lambda request id, API
 * Gateway's request id, the job in hand. Tokens and document text are never logged.
 */
public final class LogContext {
    public static final String REQUEST_ID = "request_id";
    public static final String API_REQUEST_ID = "api_request_id";
    public static final String JOB_ID = "job_id";

    private LogContext() {}

    /** The invocation's ids; {@code context} is null when a handler is called outside Lambda. */
    public static void request(Context context, String apiRequestId) {
        MDC.clear();
        if (context != null && context.getAwsRequestId() != null) {
            MDC.put(REQUEST_ID, context.getAwsRequestId());
        }
        if (apiRequestId != null) {
            MDC.put(API_REQUEST_ID, apiRequestId);
        }
    }

    public static void job(String uuid) {
        MDC.put(JOB_ID, uuid);
    }
}
