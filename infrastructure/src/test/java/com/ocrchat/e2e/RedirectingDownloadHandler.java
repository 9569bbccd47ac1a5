package com.ocrchat.e2e;

import com.ocrchat.Application;
import com.ocrchat.functions.download.DownloadHandler;
import com.ocrchat.settings.Settings;
import java.util.HashMap;
import java.util.Map;

/**
 * The real download handler on the test server's stack, configured so that every export is "too large
 * for a Lambda response": each download is answered with a 302 to a presigned S3 URL.
 */
public class RedirectingDownloadHandler extends DownloadHandler {
    public RedirectingDownloadHandler() {
        super(new Application(redirectingSettings()));
    }

    private static Settings redirectingSettings() {
        Map<String, String> values = new HashMap<>();
        System.getProperties().forEach((name, value) -> {
            if (name.toString().startsWith("OCRCHAT_")) {
                values.put(name.toString(), value.toString());
            }
        });
        values.put("OCRCHAT_INLINE_DOWNLOAD_MAX_KB", "0");
        return Settings.of(values);
    }
}
