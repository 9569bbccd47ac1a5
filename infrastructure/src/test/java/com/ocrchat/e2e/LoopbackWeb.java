package com.ocrchat.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;

/**
 * A web server on this machine's loopback, standing for the user's own: it serves documents for {@code url},
 * redirects, and receives webhooks (recording each POST, answering with the status the test sets).
 */
public final class LoopbackWeb implements AutoCloseable {
    /** One POST as it arrived: its headers (names in lower case) and body. */
    public record Received(Map<String, String> headers, byte[] body) {}

    private final HttpServer server;
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();

    private LoopbackWeb(HttpServer server) {
        this.server = server;
    }

    public static LoopbackWeb start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return new LoopbackWeb(server);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void serve(String path, byte[] body, String contentType) {
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            send(exchange, 200, body);
        });
    }

    public void redirect(String path, String location) {
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            send(exchange, 302, new byte[0]);
        });
    }

    /** Records every POST to {@code path} and answers it with {@code status}'s next value. */
    public void receive(String path, IntSupplier status) {
        List<Received> log = received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>());
        server.createContext(path, exchange -> {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
            log.add(new Received(headers, exchange.getRequestBody().readAllBytes()));
            send(exchange, status.getAsInt(), new byte[0]);
        });
    }

    public List<Received> received(String path) {
        return received.getOrDefault(path, List.of());
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
