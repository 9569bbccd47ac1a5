package com.ocrchat.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Requests to URLs that users name (a document's {@code url}, a job's {@code callback_url}), made so that they
 * cannot reach what the user could not: https only (http too when loopback is allowed), no credentials in the URL,
 * every address the host resolves to checked by {@link PublicAddresses} inside the connection's own DNS lookup
 * (so the address checked is the address connected to, whatever DNS answers next), redirects not followed, a
 * connect timeout, a deadline for the whole exchange, and a bound on the bytes read back.
 */
public final class OutboundHttp implements AutoCloseable {
    private static final int MAX_URL_CHARS = 2048;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** An answer: its status, its Content-Type (when given), and at most the bytes asked for. */
    public record Response(int status, Optional<String> contentType, byte[] body) {}

    /** Cuts an exchange at its deadline whatever the other side does (a handshake or headers a byte at a time). */
    private static final java.util.concurrent.ScheduledExecutorService DEADLINES =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "outbound-deadlines");
                thread.setDaemon(true);
                return thread;
            });

    private final OutboundPolicy policy;
    private final CloseableHttpClient client;

    public OutboundHttp(OutboundPolicy policy) {
        this.policy = policy;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedResolver(policy.loopbackAllowed()))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(CONNECT_TIMEOUT))
                                .build())
                        // A hostile answer's headers are bounded too: count and line length.
                        .setConnectionFactory(
                                org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory.builder()
                                        .http1Config(org.apache.hc.core5.http.config.Http1Config.custom()
                                                .setMaxHeaderCount(100)
                                                .setMaxLineLength(16 * 1024)
                                                .build())
                                        .build())
                        .setMaxConnTotal(50)
                        .setMaxConnPerRoute(10)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("ocrchat")
                .build();
    }

    /** Checks a URL's form before it is stored (a callback) or fetched: the scheme, the host, no credentials. */
    public URI check(String url) throws OutboundFailure {
        if (url == null || url.isBlank() || url.length() > MAX_URL_CHARS) {
            throw refused("A URL of at most " + MAX_URL_CHARS + " characters is needed");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw refused("Not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && policy.loopbackAllowed())) {
            throw refused("The URL must be https://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw refused("The URL has no host name");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused("The URL must not carry a user name or password");
        }
        return uri.normalize();
    }

    /**
     * {@link #check} and the host's addresses as they resolve now: for a URL kept for later (a callback), so that
     * a mistake is told at once; every request checks them again.
     */
    public URI checkReachable(String url) throws OutboundFailure {
        URI uri = check(url);
        try {
            new CheckedResolver(policy.loopbackAllowed()).resolve(uri.getHost());
        } catch (RefusedHost e) {
            throw refused(e.getMessage());
        } catch (UnknownHostException e) {
            throw refused("The URL's host name could not be resolved");
        }
        return uri;
    }

    /** GET {@code url}: at most {@code maxBytes} of its body (one byte more tells the caller it was larger). */
    public Response get(String url, long maxBytes, Duration deadline) throws OutboundFailure {
        return exchange(new HttpGet(check(url)), maxBytes, deadline);
    }

    /** POST {@code body} to {@code url} with {@code headers}; at most {@code maxBytes} of the answer are read. */
    public Response post(
            String url, Map<String, String> headers, byte[] body, String contentType, long maxBytes, Duration deadline)
            throws OutboundFailure {
        HttpPost post = new HttpPost(check(url));
        headers.forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(body, ContentType.parse(contentType)));
        return exchange(post, maxBytes, deadline);
    }

    private Response exchange(HttpUriRequestBase request, long maxBytes, Duration deadline) throws OutboundFailure {
        long endsAt = System.nanoTime() + deadline.toNanos();
        request.setConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.of(deadline))
                .setConnectionRequestTimeout(Timeout.of(CONNECT_TIMEOUT))
                .build());
        java.util.concurrent.atomic.AtomicBoolean cut = new java.util.concurrent.atomic.AtomicBoolean();
        var timer = DEADLINES.schedule(
                () -> {
                    cut.set(true);
                    request.cancel();
                },
                deadline.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
        try {
            return client.execute(request, response -> read(request, response, maxBytes, endsAt));
        } catch (RefusedHost e) {
            throw refused(e.getMessage());
        } catch (UnknownHostException e) {
            throw new OutboundFailure(OutboundFailure.Kind.FAILED, "The URL's host name could not be resolved");
        } catch (IOException | RuntimeException e) {
            if (cut.get() || e instanceof InterruptedIOException) {
                throw new OutboundFailure(OutboundFailure.Kind.FAILED, "The server did not answer in time");
            }
            if (e instanceof RuntimeException runtime && !(e instanceof IllegalStateException)) {
                throw runtime;
            }
            throw new OutboundFailure(
                    OutboundFailure.Kind.FAILED,
                    "The server could not be reached or broke off: "
                            + e.getClass().getSimpleName());
        } finally {
            timer.cancel(false);
        }
    }

    private static Response read(HttpUriRequestBase request, ClassicHttpResponse response, long maxBytes, long endsAt)
            throws IOException {
        Header type = response.getFirstHeader("Content-Type");
        Optional<String> contentType = Optional.ofNullable(type).map(Header::getValue);
        if (response.getEntity() == null) {
            return new Response(response.getCode(), contentType, new byte[0]);
        }
        long limit = maxBytes + 1;
        byte[] buffer = new byte[(int) Math.min(limit, 64 * 1024)];
        int length = 0;
        try (InputStream body = response.getEntity().getContent()) {
            byte[] chunk = new byte[16 * 1024];
            int read;
            while (length < limit && (read = body.read(chunk, 0, (int) Math.min(chunk.length, limit - length))) > 0) {
                if (System.nanoTime() > endsAt) {
                    request.abort(); // a trickle that never ends is cut at the deadline
                    throw new InterruptedIOException("deadline");
                }
                if (length + read > buffer.length) {
                    buffer = Arrays.copyOf(buffer, (int)
                            Math.min(limit, Math.max((long) buffer.length * 2, length + read)));
                }
                System.arraycopy(chunk, 0, buffer, length, read);
                length += read;
            }
            if (length >= limit) {
                request.abort(); // the rest is not read
            }
        }
        return new Response(response.getCode(), contentType, Arrays.copyOf(buffer, length));
    }

    private static OutboundFailure refused(String message) {
        return new OutboundFailure(OutboundFailure.Kind.REFUSED, message);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    /** Thrown from inside the connection's DNS lookup when no address of the host may be reached. */
    private static final class RefusedHost extends UnknownHostException {
        RefusedHost(String message) {
            super(message);
        }
    }

    /** The system resolver, keeping only the addresses {@link PublicAddresses} allows. */
    private record CheckedResolver(boolean loopbackAllowed) implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] allowed = Arrays.stream(InetAddress.getAllByName(host))
                    .filter(address -> PublicAddresses.allowed(address, loopbackAllowed))
                    .toArray(InetAddress[]::new);
            if (allowed.length == 0) {
                throw new RefusedHost("The URL's host is not on the public internet (private, loopback, "
                        + "link-local and metadata addresses are refused)");
            }
            return allowed;
        }

        @Override
        public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
            return Arrays.stream(resolve(host))
                    .map(address -> new InetSocketAddress(address, port))
                    .toList();
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return host;
        }
    }
}
