package com.ocrchat.local;

import com.ocrchat.concurrent.DaemonThreads;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Lambda's Runtime API on a loopback port, as the Lambda service speaks it to a function's runtime:
 * the runtime (the Runtime Interface Client, pointed here by {@code AWS_LAMBDA_RUNTIME_API}) polls
 * {@code GET /2018-06-01/runtime/invocation/next} for an event, and posts its result to
 * {@code .../invocation/{id}/response} or {@code .../invocation/{id}/error}; a function that cannot start
 * posts {@code .../runtime/init/error}. {@link #invoke} hands one event to the runtime and waits for its answer.
 */
public final class RuntimeApiEmulator implements AutoCloseable {
    private static final String PREFIX = "/2018-06-01/runtime/";

    /** What the function answered: its response body, or (when {@code error}) the error it reported. */
    public record Result(boolean error, String body) {}

    private record Invocation(String requestId, String event, long deadlineMillis) {}

    private final HttpServer server;
    private final BlockingQueue<Invocation> waiting = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Result>> answers = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private final String functionArn;
    private volatile boolean polled;

    private RuntimeApiEmulator(HttpServer server, String functionName) {
        this.server = server;
        this.functionArn = "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
    }

    public static RuntimeApiEmulator start(String functionName) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        RuntimeApiEmulator emulator = new RuntimeApiEmulator(server, functionName);
        server.createContext(PREFIX, emulator::serve);
        // The runtime's long poll holds a thread while the next answer is posted on another.
        server.setExecutor(Executors.newCachedThreadPool(DaemonThreads.named("runtime-api")));
        server.start();
        return emulator;
    }

    /** The value of {@code AWS_LAMBDA_RUNTIME_API} for a runtime to reach this emulator. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Gives the runtime one event and waits up to {@code timeout} for its answer (or its failure to start). */
    public Result invoke(String eventJson, Duration timeout) throws InterruptedException, TimeoutException {
        String requestId = UUID.randomUUID().toString();
        CompletableFuture<Result> answer = new CompletableFuture<>();
        answers.put(requestId, answer);
        waiting.add(new Invocation(requestId, eventJson, System.currentTimeMillis() + timeout.toMillis()));
        try {
            Object first = CompletableFuture.anyOf(answer, initError).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return first instanceof Result result ? result : new Result(true, "init error: " + first);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            answers.remove(requestId);
        }
    }

    /** Waits until the runtime asks for its first event, or reports that it could not start. */
    public void awaitReady(Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!polled && !initError.isDone()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("The runtime did not ask for an event within " + timeout);
            }
            Thread.sleep(10);
        }
        if (initError.isDone()) {
            throw new IllegalStateException("The function could not start: " + initError.getNow(""));
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.equals("invocation/next") && exchange.getRequestMethod().equals("GET")) {
                polled = true;
                Invocation next = waiting.take();
                exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", next.requestId());
                exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms", Long.toString(next.deadlineMillis()));
                exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
                exchange.getResponseHeaders().set("Lambda-Runtime-Trace-Id", "Root=1-" + next.requestId());
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                send(exchange, 200, next.event());
            } else if (path.equals("init/error")) {
                initError.complete(body);
                send(exchange, 202, "{\"status\":\"OK\"}");
            } else if (path.startsWith("invocation/") && (path.endsWith("/response") || path.endsWith("/error"))) {
                String requestId = path.substring("invocation/".length(), path.lastIndexOf('/'));
                CompletableFuture<Result> answer = answers.get(requestId);
                if (answer != null) {
                    answer.complete(new Result(path.endsWith("/error"), body));
                }
                send(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                send(exchange, 404, "{\"errorMessage\":\"unknown path\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
