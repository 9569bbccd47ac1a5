package com.ocrchat.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.ocrchat.error.OcrChatException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultipartFormTest {
    private static final String BOUNDARY = "----boundary42";

    @Test
    void parsesFieldsAndTheFileFromABase64Body() {
        byte[] file = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xFF};
        ApiRequest request = request("multipart/form-data; boundary=" + BOUNDARY, body(file, "C:\\scans\\invoice.png"));

        MultipartForm form = MultipartForm.parse(request, 1024);

        assertEquals("vlm", form.field("tier").orElseThrow());
        assertEquals("ja", form.field("language").orElseThrow());
        assertEquals("invoice.png", form.file("file").orElseThrow().filename());
        assertArrayEquals(file, form.file("file").orElseThrow().bytes());
    }

    @Test
    void aFileOverTheLimitIsA400NamingTheLimit() {
        ApiRequest request = request("multipart/form-data; boundary=" + BOUNDARY, body(new byte[2048], "big.png"));

        OcrChatException error = assertThrows(OcrChatException.class, () -> MultipartForm.parse(request, 1024));

        assertEquals(400, ErrorResponses.status(error));
        assertEquals(1024L, error.details().get("max_bytes"));
    }

    @Test
    void aFileNameWithANulCharacterIsA400() {
        // Found by fuzzing: commons-fileupload refuses such a name with an unchecked exception, which was a 500.
        ApiRequest request = request("multipart/form-data; boundary=" + BOUNDARY, body(new byte[8], "scan\0.png"));

        OcrChatException error = assertThrows(OcrChatException.class, () -> MultipartForm.parse(request, 1024));

        assertEquals(400, ErrorResponses.status(error));
        assertTrue(error.getMessage().contains("NUL"), error.getMessage());
    }

    @Test
    void otherBodiesCarryNoFile() {
        OcrChatException json = assertThrows(
                OcrChatException.class,
                () -> MultipartForm.parse(request("application/json", "{}".getBytes(StandardCharsets.UTF_8)), 1024));
        assertEquals(400, ErrorResponses.status(json));
        assertTrue(json.getMessage().contains("multipart/form-data"));
        MultipartForm garbage = MultipartForm.parse(
                request("multipart/form-data; boundary=" + BOUNDARY, "garbage".getBytes(StandardCharsets.UTF_8)), 1024);
        assertTrue(garbage.file("file").isEmpty(), "no parts: the service answers 400 'No file'");
    }

    private static byte[] body(byte[] file, String filename) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"tier\"\r\n\r\nvlm\r\n");
        write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\nja\r\n");
        write(
                out,
                "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        out.writeBytes(file);
        write(out, "\r\n--" + BOUNDARY + "--\r\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ApiRequest request(String contentType, byte[] body) {
        return new ApiRequest(APIGatewayV2HTTPEvent.builder()
                .withHeaders(Map.of("content-type", contentType))
                .withBody(Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(true)
                .build());
    }
}
