package com.ocrchat.e2e;

import com.ocrchat.functions.download.DownloadHandler;
import com.ocrchat.local.TestServer;
import java.util.Map;

/**
 * The real download handler on the test server's stack, configured so that every export is "too large
 * for a Lambda response": each download is answered with a 302 to a presigned S3 URL.
 */
public class RedirectingDownloadHandler extends DownloadHandler {
    public RedirectingDownloadHandler() {
        super(TestServer.wiringWith(Map.of("OCRCHAT_INLINE_DOWNLOAD_MAX_KB", "0")));
    }
}
