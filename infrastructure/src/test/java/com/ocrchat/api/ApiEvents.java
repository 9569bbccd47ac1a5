package com.ocrchat.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ocrchat.job.Chunk;
import com.ocrchat.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Events built from fixtures that look exactly like what API Gateway sends, with the parts a test varies. */
public final class ApiEvents {
    private static final ObjectMapper MAPPER =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String BOUNDARY = "------------------------d74496d66958873e";

    private ApiEvents() {}

    /** POST /api/v1/ocr/ with a multipart body: the file (null for none) and text fields. */
    public static APIGatewayV2HTTPEvent submit(
            String token, String sourceIp, String filename, byte[] file, Map<String, String> fields) {
        APIGatewayV2HTTPEvent event = fixture("post-ocr.json");
        byte[] body = multipart(filename, file, fields);
        event.setBody(Base64.getEncoder().encodeToString(body));
        event.setIsBase64Encoded(true);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("content-length", Integer.toString(body.length));
        if (token != null) {
            headers.put("authorization", "Bearer " + token);
        }
        event.setHeaders(headers);
        event.getRequestContext().getHttp().setSourceIp(sourceIp);
        return event;
    }

    /** GET /api/v1/ocr/{uuid}/ with an Authorization header when {@code token} is given. */
    public static APIGatewayV2HTTPEvent getJob(String token, String sourceIp, String uuid) {
        APIGatewayV2HTTPEvent event = fixture("get-job.json");
        event.setRawPath(event.getRawPath().replace("UUID", uuid));
        event.getRequestContext().getHttp().setPath(event.getRawPath());
        event.setPathParameters(Map.of("uuid", uuid));
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        if (token != null) {
            headers.put("authorization", "Bearer " + token);
        }
        event.setHeaders(headers);
        event.getRequestContext().getHttp().setSourceIp(sourceIp);
        return event;
    }

    /**
     * Any route, from the GET fixture: {@code routeKey} as the template names it ("POST /api/v1/signup"), the path
     * as sent, its parameters, and a JSON body, cookies and a CSRF header when given.
     */
    public static APIGatewayV2HTTPEvent request(
            String routeKey,
            String rawPath,
            Map<String, String> pathParameters,
            String token,
            String sourceIp,
            List<String> cookies,
            String csrfToken,
            String json) {
        APIGatewayV2HTTPEvent event = getJob(token, sourceIp, "none");
        event.setRouteKey(routeKey);
        event.getRequestContext().setRouteKey(routeKey);
        event.getRequestContext().getHttp().setMethod(routeKey.substring(0, routeKey.indexOf(' ')));
        event.setRawPath(rawPath);
        event.getRequestContext().getHttp().setPath(rawPath);
        event.setPathParameters(pathParameters.isEmpty() ? null : pathParameters);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        if (csrfToken != null) {
            headers.put("x-csrf-token", csrfToken);
        }
        if (json != null) {
            headers.put("content-type", "application/json");
            event.setBody(json);
            event.setIsBase64Encoded(false);
        }
        event.setHeaders(headers);
        event.setCookies(cookies.isEmpty() ? null : cookies);
        return event;
    }

    /** GET /api/v1/account/ (the GET fixture on another route). */
    public static APIGatewayV2HTTPEvent getAccount(String token, String sourceIp) {
        APIGatewayV2HTTPEvent event = getJob(token, sourceIp, "none");
        event.setRawPath("/api/v1/account/");
        event.setRouteKey("GET /api/v1/account");
        event.getRequestContext().getHttp().setPath("/api/v1/account/");
        event.getRequestContext().setRouteKey("GET /api/v1/account");
        event.setPathParameters(null);
        return event;
    }

    /** GET /api/v1/ocr/{uuid}/download/?format=F (format null: no query string). */
    public static APIGatewayV2HTTPEvent download(String token, String sourceIp, String uuid, String format) {
        APIGatewayV2HTTPEvent event = getJob(token, sourceIp, uuid);
        event.setRawPath("/api/v1/ocr/" + uuid + "/download/");
        event.setRouteKey("GET /api/v1/ocr/{uuid}/download");
        event.getRequestContext().getHttp().setPath(event.getRawPath());
        event.getRequestContext().setRouteKey(event.getRouteKey());
        if (format != null) {
            event.setRawQueryString("format=" + format);
            event.setQueryStringParameters(Map.of("format", format));
        }
        return event;
    }

    /** The download with {@code translated=} too. */
    public static APIGatewayV2HTTPEvent download(
            String token, String sourceIp, String uuid, String format, String translated) {
        APIGatewayV2HTTPEvent event = download(token, sourceIp, uuid, format);
        event.setRawQueryString("format=" + format + "&translated=" + translated);
        event.setQueryStringParameters(Map.of("format", format, "translated", translated));
        return event;
    }

    /** GET /api/v1/tools/. */
    public static APIGatewayV2HTTPEvent tools(String sourceIp) {
        APIGatewayV2HTTPEvent event = getAccount(null, sourceIp);
        event.setRawPath("/api/v1/tools/");
        event.setRouteKey("GET /api/v1/tools");
        event.getRequestContext().getHttp().setPath(event.getRawPath());
        event.getRequestContext().setRouteKey(event.getRouteKey());
        return event;
    }

    /** POST /api/v1/chat/{uuid}/ with a JSON body, as API Gateway passes text: not base64. */
    public static APIGatewayV2HTTPEvent chat(String token, String sourceIp, String uuid, String json) {
        APIGatewayV2HTTPEvent event = fixture("post-ocr.json");
        event.setRawPath("/api/v1/chat/" + uuid + "/");
        event.setRouteKey("POST /api/v1/chat/{uuid}");
        event.getRequestContext().setRouteKey(event.getRouteKey());
        event.getRequestContext().getHttp().setPath(event.getRawPath());
        event.getRequestContext().getHttp().setSourceIp(sourceIp);
        event.setPathParameters(Map.of("uuid", uuid));
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("content-type", "application/json");
        headers.put("content-length", Integer.toString(json.getBytes(StandardCharsets.UTF_8).length));
        if (token != null) {
            headers.put("authorization", "Bearer " + token);
        }
        event.setHeaders(headers);
        event.setBody(json);
        event.setIsBase64Encoded(false);
        return event;
    }

    /** GET /api/v1/chat/{uuid}/history/[?conversation=]. */
    public static APIGatewayV2HTTPEvent history(String token, String sourceIp, String uuid, String conversation) {
        APIGatewayV2HTTPEvent event = getJob(token, sourceIp, uuid);
        event.setRawPath("/api/v1/chat/" + uuid + "/history/");
        event.setRouteKey("GET /api/v1/chat/{uuid}/history");
        event.getRequestContext().setRouteKey(event.getRouteKey());
        event.getRequestContext().getHttp().setPath(event.getRawPath());
        if (conversation != null) {
            event.setRawQueryString("conversation=" + conversation);
            event.setQueryStringParameters(Map.of("conversation", conversation));
        }
        return event;
    }

    public static APIGatewayV2HTTPEvent fixture(String name) {
        try (var in = ApiEvents.class.getResourceAsStream("/events/" + name)) {
            return MAPPER.readValue(in, APIGatewayV2HTTPEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private static byte[] multipart(String filename, byte[] file, Map<String, String> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(
                out,
                "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                        + "\r\n"));
        if (file != null) {
            write(
                    out,
                    "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            out.writeBytes(file);
            write(out, "\r\n");
        }
        write(out, "--" + BOUNDARY + "--\r\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** An SQS batch of chunk messages, as the worker's event source mapping delivers it. */
    public static SQSEvent chunks(Chunk... chunks) {
        SQSEvent event = new SQSEvent();
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Chunk chunk : chunks) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId(java.util.UUID.randomUUID().toString());
            message.setBody(Json.write(chunk));
            message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
            message.setEventSource("aws:sqs");
            records.add(message);
        }
        event.setRecords(records);
        return event;
    }

    /** GET or POST /api/v1/ocr/{uuid}/deliveries/ (the GET fixture on another route). */
    public static APIGatewayV2HTTPEvent deliveries(String token, String sourceIp, String uuid, String method) {
        APIGatewayV2HTTPEvent event = getJob(token, sourceIp, uuid);
        String path = "/api/v1/ocr/" + uuid + "/deliveries/";
        event.setRawPath(path);
        event.setRouteKey(method + " /api/v1/ocr/{uuid}/deliveries");
        event.getRequestContext().getHttp().setPath(path);
        event.getRequestContext().getHttp().setMethod(method);
        event.getRequestContext().setRouteKey(method + " /api/v1/ocr/{uuid}/deliveries");
        return event;
    }

    /** POST /api/v1/uploads/ {"size": size} (the GET fixture on another route). */
    public static APIGatewayV2HTTPEvent createUpload(String token, String sourceIp, long size) {
        APIGatewayV2HTTPEvent event = getJob(token, sourceIp, "none");
        event.setRawPath("/api/v1/uploads/");
        event.setRouteKey("POST /api/v1/uploads");
        event.getRequestContext().getHttp().setPath("/api/v1/uploads/");
        event.getRequestContext().getHttp().setMethod("POST");
        event.getRequestContext().setRouteKey("POST /api/v1/uploads");
        event.setPathParameters(null);
        event.setHeaders(new java.util.HashMap<>(event.getHeaders() == null ? Map.of() : event.getHeaders()));
        event.getHeaders().put("content-type", "application/json");
        event.setBody("{\"size\": " + size + "}");
        event.setIsBase64Encoded(false);
        return event;
    }

    /** The sweep's EventBridge schedule event, as committed for sam local invoke. */
    public static String schedule() {
        try (var in = ApiEvents.class.getResourceAsStream("/events/schedule.json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An SQS batch of these JSON bodies as the Lambda service sends it (the wire format, "Records"), from the committed fixture. */
    public static String sqsBatchJson(Object... bodies) {
        try (var in = ApiEvents.class.getResourceAsStream("/events/dead-chunk.json")) {
            com.fasterxml.jackson.databind.node.ObjectNode batch =
                    (com.fasterxml.jackson.databind.node.ObjectNode) MAPPER.readTree(in);
            com.fasterxml.jackson.databind.JsonNode template =
                    batch.get("Records").get(0);
            com.fasterxml.jackson.databind.node.ArrayNode records = batch.putArray("Records");
            for (Object body : bodies) {
                com.fasterxml.jackson.databind.node.ObjectNode record = template.deepCopy();
                record.put("messageId", java.util.UUID.randomUUID().toString());
                record.put("body", Json.write(body));
                records.add(record);
            }
            return MAPPER.writeValueAsString(batch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
