package com.ocrchat.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.ocrchat.error.InvalidInput;
import com.ocrchat.error.LimitExceeded;
import java.util.Base64;
import java.util.Map;

/** Fuzzing the multipart parser: any body, any boundary, is parsed or refused as invalid or too large. */
class MultipartFormFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void anyBody(FuzzedDataProvider data) {
        String contentType = data.consumeBoolean()
                ? "multipart/form-data; boundary=" + data.consumeString(80)
                : data.consumeString(120);
        byte[] body = data.consumeRemainingAsBytes();
        ApiRequest request = new ApiRequest(APIGatewayV2HTTPEvent.builder()
                .withHeaders(Map.of("content-type", contentType))
                .withBody(Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(true)
                .build());
        try {
            MultipartForm form = MultipartForm.parse(request, 64 * 1024);
            form.field("tier");
            form.file("file");
        } catch (InvalidInput | LimitExceeded refused) {
            // a clear 400 or 413: what a hostile body should get
        }
    }
}
