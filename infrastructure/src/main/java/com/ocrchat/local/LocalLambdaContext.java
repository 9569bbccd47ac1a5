package com.ocrchat.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Lambda {@link Context} of one local invocation (or a test's): its id, function, deadline and a logger. */
public final class LocalLambdaContext implements Context {
    private final String requestId;
    private final String functionName;
    private final int timeoutSeconds;
    private final long deadlineMillis;
    private final Logger log;

    public LocalLambdaContext(String requestId, String functionName, int timeoutSeconds) {
        this.requestId = requestId;
        this.functionName = functionName;
        this.timeoutSeconds = timeoutSeconds;
        this.deadlineMillis = System.currentTimeMillis() + timeoutSeconds * 1000L;
        this.log = LoggerFactory.getLogger("lambda." + functionName);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return (int) (Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                log.info(message);
            }

            @Override
            public void log(byte[] message) {
                log.info(new String(message, StandardCharsets.UTF_8));
            }
        };
    }

    int timeoutSeconds() {
        return timeoutSeconds;
    }
}
