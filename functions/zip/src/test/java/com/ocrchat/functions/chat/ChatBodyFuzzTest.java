package com.ocrchat.functions.chat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.ocrchat.error.InvalidInput;
import com.ocrchat.error.LimitExceeded;
import com.ocrchat.http.ApiRequest;
import java.util.Map;

/** Fuzzing the chat request body: any body is a question or a clear 400/413. */
class ChatBodyFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void anyBody(FuzzedDataProvider data) {
        boolean base64 = data.consumeBoolean();
        String body = data.consumeRemainingAsString();
        ApiRequest request = new ApiRequest(APIGatewayV2HTTPEvent.builder()
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(body)
                .withIsBase64Encoded(base64)
                .build());
        try {
            ChatBody.parse(request);
        } catch (InvalidInput | LimitExceeded refused) {
            // a clear 400 or 413
        }
    }
}
