package com.ocrchat.outbound;

import com.ocrchat.error.InvalidInput;
import com.ocrchat.error.LimitExceeded;
import com.ocrchat.job.SubmittedFile;
import com.ocrchat.job.UserUrls;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * User-named URLs through {@link OutboundHttp}. A {@code url} document is read while streaming up to the file limit
 * and within the fetch deadline; its type is then told from its bytes, as for any file; its name is the URL's last
 * segment. A {@code callback_url} is checked for its form when the job is submitted and for its addresses at
 * every delivery.
 */
public final class OutboundUrls implements UserUrls {
    private final OutboundHttp http;
    private final long maxBytes;
    private final Duration deadline;

    public OutboundUrls(OutboundHttp http, long maxBytes, Duration deadline) {
        this.http = http;
        this.maxBytes = maxBytes;
        this.deadline = deadline;
    }

    @Override
    public SubmittedFile fetch(String url) {
        OutboundHttp.Response response;
        try {
            response = http.get(url, maxBytes, deadline);
        } catch (OutboundFailure e) {
            throw new InvalidInput((e.kind() == OutboundFailure.Kind.REFUSED
                            ? "This url is not allowed: "
                            : "The url could not be fetched: ")
                    + e.getMessage());
        }
        if (response.status() / 100 != 2) {
            throw new InvalidInput(
                    "The url answered HTTP " + response.status()
                            + (response.status() / 100 == 3 ? " (redirects are not followed: send the final URL)" : ""),
                    Map.of("url_status", response.status()));
        }
        if (response.body().length > maxBytes) {
            throw new LimitExceeded(
                    "The file at the url is larger than this server accepts", Map.of("max_bytes", maxBytes));
        }
        return new SubmittedFile(name(url), response.body());
    }

    @Override
    public String callback(String url) {
        try {
            return http.checkReachable(url).toString();
        } catch (OutboundFailure e) {
            throw new InvalidInput("This callback_url is not allowed: " + e.getMessage());
        }
    }

    /** "https://example.com/scans/Invoice%2012.pdf?x=1" is "Invoice 12.pdf"; a URL without a file name gives none. */
    static String name(String url) {
        String path = URI.create(url.strip()).getRawPath();
        if (path == null || path.isEmpty() || path.endsWith("/")) {
            return "";
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        try {
            return SubmittedFile.baseName(URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return SubmittedFile.baseName(last);
        }
    }
}
