package com.ocrchat.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API Gateway (HTTP API, payload 2.0) on a local port, driven by template.yaml: each request is matched
 * to a route the way API Gateway matches it (a trailing slash does not matter), turned into the
 * {@link APIGatewayV2HTTPEvent} API Gateway would send, and handed to the route's handler, which is
 * built once with its public no-arg constructor and reused, as in a warm Lambda container. The limits
 * that shape the real service are kept: 10 MB requests, 6 MB Lambda payloads, the integration timeout.
 */
public final class ApiGatewayEmulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiGatewayEmulator.class);
    static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024;
    static final int MAX_LAMBDA_PAYLOAD_BYTES = 6 * 1024 * 1024;
    private static final int MAX_INTEGRATION_SECONDS = 30;

    private final Routes routes;
    private final HttpServer server;
    private final ExecutorService invocations = Executors.newCachedThreadPool();
    private final LambdaHandlers handlers;

    private ApiGatewayEmulator(List<SamTemplate.Route> routes, HttpServer server, LambdaHandlers handlers) {
        this.routes = new Routes(routes);
        this.server = server;
        this.handlers = handlers;
    }

    public static ApiGatewayEmulator start(SamTemplate template, String host, int port) throws IOException {
        return start(template, host, port, new LambdaHandlers());
    }

    public static ApiGatewayEmulator start(SamTemplate template, String host, int port, LambdaHandlers handlers)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
        ApiGatewayEmulator emulator = new ApiGatewayEmulator(template.routes(), server, handlers);
        server.createContext("/", emulator::serve);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
        return emulator;
    }

    /** A fixed JSON answer on a path of the local server itself, outside the template's routes. */
    public void serveLocal(String path, String json) {
        server.createContext(path, exchange -> {
            try (exchange) {
                // Only for this machine: served on every interface (--host 0.0.0.0), it would tell the network where
                // the tables are.
                if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
                    notFound(exchange);
                    return;
                }
                send(exchange, 200, Map.of("content-type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<SamTemplate.Route> routes() {
        return routes.all();
    }

    /**
     * API Gateway's 413, which on AWS has only its "message"; here it also says the way around it, since
     * the local server can (the README documents the AWS one).
     */
    private static void tooLarge(HttpExchange exchange) throws IOException {
        send(
                exchange,
                413,
                Map.of("content-type", "application/json"),
                ("{\"message\":\"Request Entity Too Large\",\"error\":\"The request is larger than one request carries"
                                + " (10 MB; on AWS about 4.4 MB of file, as Lambda takes 6 MB of base64). Upload the file"
                                + " through POST /api/v1/uploads/ and submit its upload_id, or send its address as url\","
                                + "\"uploads\":\"/api/v1/uploads/\",\"url\":\"the url form field of POST /api/v1/ocr/\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** API Gateway's own answer to a path it has no route for. */
    private static void notFound(HttpExchange exchange) throws IOException {
        send(
                exchange,
                404,
                Map.of("content-type", "application/json"),
                "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String rawPath = exchange.getRequestURI().getRawPath();
            Optional<Routes.Match> match = routes.match(method, rawPath);
            if (match.isEmpty()) {
                notFound(exchange);
                return;
            }
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                tooLarge(exchange);
                return;
            }
            APIGatewayV2HTTPEvent event = GatewayEvents.event(exchange, match.get(), body);
            if (event.getBody() != null && event.getBody().length() + 16 * 1024 > MAX_LAMBDA_PAYLOAD_BYTES) {
                // Lambda's 6 MB synchronous payload limit; API Gateway answers it with a 413.
                tooLarge(exchange);
                return;
            }
            respond(exchange, invoke(match.get().route(), event));
        } catch (RuntimeException e) {
            LOG.error("Emulator failure", e);
        }
    }

    private Optional<APIGatewayV2HTTPResponse> invoke(SamTemplate.Route route, APIGatewayV2HTTPEvent event) {
        LocalLambdaContext context =
                new LocalLambdaContext(UUID.randomUUID().toString(), route.function(), route.timeoutSeconds());
        Future<APIGatewayV2HTTPResponse> result =
                invocations.submit(() -> (APIGatewayV2HTTPResponse) handlers.invoke(route.handler(), event, context));
        try {
            return Optional.ofNullable(
                    result.get(Math.min(route.timeoutSeconds(), MAX_INTEGRATION_SECONDS), TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            LOG.warn(
                    "{} did not answer within {} s",
                    route.function(),
                    Math.min(route.timeoutSeconds(), MAX_INTEGRATION_SECONDS));
            return Optional.of(APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(503)
                    .withHeaders(Map.of("content-type", "application/json"))
                    .withBody("{\"message\":\"Service Unavailable\"}")
                    .build());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            LOG.error("{} failed", route.function(), e.getCause());
            return Optional.empty();
        }
    }

    private void respond(HttpExchange exchange, Optional<APIGatewayV2HTTPResponse> response) throws IOException {
        if (response.isEmpty()) {
            send(
                    exchange,
                    500,
                    Map.of("content-type", "application/json"),
                    "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        APIGatewayV2HTTPResponse r = response.get();
        Map<String, String> headers =
                r.getHeaders() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(r.getHeaders());
        if (r.getMultiValueHeaders() != null) {
            r.getMultiValueHeaders()
                    .forEach((name, values) -> exchange.getResponseHeaders().put(name, new ArrayList<>(values)));
        }
        if (r.getCookies() != null) {
            r.getCookies().forEach(cookie -> exchange.getResponseHeaders().add("set-cookie", cookie));
        }
        String body = r.getBody() == null ? "" : r.getBody();
        if (body.length() > MAX_LAMBDA_PAYLOAD_BYTES) {
            // Lambda refuses a response over 6 MB, and API Gateway answers the client with a 500.
            LOG.error("A response of {} bytes is over Lambda's 6 MB payload limit", body.length());
            send(
                    exchange,
                    500,
                    Map.of("content-type", "application/json"),
                    "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] bytes =
                r.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        send(exchange, r.getStatusCode() == 0 ? 200 : r.getStatusCode(), headers, bytes);
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.getResponseHeaders().set("apigw-requestid", UUID.randomUUID().toString());
        boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The body, or null when it is larger than API Gateway accepts. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_REQUEST_BYTES + 1);
        if (body.length > MAX_REQUEST_BYTES) {
            in.transferTo(OutputStream.nullOutputStream());
            return null;
        }
        return body;
    }

    @Override
    public void close() {
        server.stop(0);
        invocations.shutdownNow();
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
