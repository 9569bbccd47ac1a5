package com.ocrchat.outbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server on this machine's loopback, reachable only with loopback allowed. */
class OutboundHttpTest {
    private static HttpServer server;
    private static String base;
    private static final AtomicReference<String> lastBody = new AtomicReference<>();
    private static final OutboundHttp LOOPBACK = new OutboundHttp(new OutboundPolicy(true));
    private static final OutboundHttp PUBLIC_ONLY = new OutboundHttp(new OutboundPolicy(false));

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/file", exchange -> {
            byte[] body = "%PDF-1.4 a document".getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().set("Content-Type", "application/pdf");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/huge", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] block = new byte[64 * 1024];
                for (int i = 0; i < 16 * 1024; i++) { // a gigabyte, if anyone read it all
                    out.write(block);
                }
            } catch (java.io.IOException closedByTheClient) {
                // expected: the client stops reading at its bound
            }
        });
        server.createContext("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 600; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (Exception closedByTheClient) {
                // expected
            }
        });
        server.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/hook", exchange -> {
            lastBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) + "|"
                    + exchange.getRequestHeaders().getFirst("webhook-id"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop(0);
        LOOPBACK.close();
        PUBLIC_ONLY.close();
    }

    @Test
    void aFileIsFetchedWithItsContentType() throws Exception {
        OutboundHttp.Response response = LOOPBACK.get(base + "/file", 1000, Duration.ofSeconds(10));
        assertEquals(200, response.status());
        assertEquals("application/pdf", response.contentType().orElseThrow());
        assertArrayEquals("%PDF-1.4 a document".getBytes(StandardCharsets.US_ASCII), response.body());
    }

    @Test
    void loopbackIsRefusedUnlessAllowedAndPrivateNetworksAlways() {
        for (String url : new String[] {
            "https://127.0.0.1:" + server.getAddress().getPort() + "/file",
            "https://localhost/file",
            "https://169.254.169.254/latest/meta-data/",
            "https://[::ffff:10.0.0.1]/",
            "https://2130706433/file", // 127.0.0.1 as one number
        }) {
            OutboundFailure refused =
                    assertThrows(OutboundFailure.class, () -> PUBLIC_ONLY.get(url, 1000, Duration.ofSeconds(5)), url);
            assertEquals(OutboundFailure.Kind.REFUSED, refused.kind(), url + ": " + refused.getMessage());
        }
        OutboundFailure metadata = assertThrows(
                OutboundFailure.class,
                () -> LOOPBACK.get("http://169.254.169.254/latest/meta-data/", 1000, Duration.ofSeconds(5)));
        assertEquals(OutboundFailure.Kind.REFUSED, metadata.kind());
        assertTrue(metadata.getMessage().contains("not on the public internet"), metadata.getMessage());
    }

    @Test
    void theUrlsFormIsChecked() {
        for (String url : new String[] {
            base + "/file", // http without the development setting
            "ftp://example.com/file",
            "file:///etc/passwd",
            "https://user:secret@example.com/",
            "https:///nohost",
            "not a url",
            "https://example.com/" + "a".repeat(3000),
        }) {
            OutboundFailure refused = assertThrows(OutboundFailure.class, () -> PUBLIC_ONLY.check(url), url);
            assertEquals(OutboundFailure.Kind.REFUSED, refused.kind(), url);
        }
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        assertEquals(
                302,
                LOOPBACK.get(base + "/redirect", 1000, Duration.ofSeconds(5)).status());
    }

    @Test
    void aBodyIsReadOnlyToItsBoundAndATrickleOnlyToTheDeadline() throws Exception {
        long started = System.nanoTime();
        OutboundHttp.Response huge = LOOPBACK.get(base + "/huge", 100_000, Duration.ofSeconds(30));
        assertEquals(100_001, huge.body().length, "one byte over the bound says it was larger");
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10);

        started = System.nanoTime();
        OutboundFailure slow = assertThrows(
                OutboundFailure.class, () -> LOOPBACK.get(base + "/trickle", 100_000, Duration.ofSeconds(2)));
        assertEquals(OutboundFailure.Kind.FAILED, slow.kind());
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertTrue(seconds < 5, "stopped at the deadline, not after the minute the trickle lasts: " + seconds);
    }

    @Test
    void headersSentAByteAtATimeAreCutAtTheDeadline() throws Exception {
        try (java.net.ServerSocket slow = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread dripper = new Thread(() -> {
                try (java.net.Socket socket = slow.accept()) {
                    OutputStream out = socket.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 600; i++) {
                        out.write('x');
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (Exception closedByTheClient) {
                    // expected
                }
            });
            dripper.setDaemon(true);
            dripper.start();
            long started = System.nanoTime();
            OutboundFailure cut = assertThrows(
                    OutboundFailure.class,
                    () -> LOOPBACK.get("http://127.0.0.1:" + slow.getLocalPort() + "/", 100, Duration.ofSeconds(2)));
            assertEquals("The server did not answer in time", cut.getMessage());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5);
        }
    }

    @Test
    void aPostCarriesItsHeadersAndBody() throws Exception {
        OutboundHttp.Response response = LOOPBACK.post(
                base + "/hook",
                Map.of("webhook-id", "msg_1"),
                "{\"status\":\"done\"}".getBytes(StandardCharsets.UTF_8),
                "application/json",
                1000,
                Duration.ofSeconds(5));
        assertEquals(204, response.status());
        assertEquals("{\"status\":\"done\"}|msg_1", lastBody.get());
    }

    @Test
    void nothingListensIsAFailureNotARefusal() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        OutboundFailure failed = assertThrows(
                OutboundFailure.class,
                () -> LOOPBACK.get("http://127.0.0.1:" + closedPort + "/", 10, Duration.ofSeconds(5)));
        assertEquals(OutboundFailure.Kind.FAILED, failed.kind());
    }
}
