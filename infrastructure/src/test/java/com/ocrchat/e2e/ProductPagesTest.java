package com.ocrchat.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ocrchat.local.LocalServer;
import com.ocrchat.local.TestServer;
import com.ocrchat.testing.TestDocuments;
import com.ocrchat.testing.TestPages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The product's pages in Debian's Chromium, headless, driven by playwright-core (functions/web/e2e/product.mjs):
 * sign up, copy the token and use it with the page's curl example, upload the invoice, see its boxes, download
 * the docx, ask the chat and follow its citation, send a 6-page 5 MB scan (a presigned upload, then progress),
 * rotate the token (the old one gets 401), with no console error.
 * Screenshots are left in infrastructure/target/screenshots.
 */
class ProductPagesTest {

    @Test
    void aNewUserGoesFromSignUpToChatInARealBrowser() throws Exception {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        assertTrue(
                Files.isExecutable(chromium),
                "Debian's chromium is needed (./ocrchat test installs it as root: apt-get install chromium)");
        Path web = TestServer.repositoryRoot().resolve("functions/web");
        assertTrue(
                Files.isDirectory(web.resolve("node_modules/playwright-core")),
                "playwright-core is installed by the functions/web build (npm ci)");
        LocalServer server = TestServer.get();
        Path work = Files.createTempDirectory("ocrchat-pages");
        Path invoice = work.resolve("invoice.png");
        Files.write(invoice, TestDocuments.png(TestPages.invoiceImage()));
        // Over the 4 MB one request carries, and over the inline page limit: a presigned upload and a queued job.
        Path scan = work.resolve("scan.pdf");
        Files.write(scan, OcrCommandTest.grainyScan(6));
        assertTrue(Files.size(scan) > 4 * 1024 * 1024, "a scan larger than one request: " + Files.size(scan));
        Path screenshots = TestServer.repositoryRoot().resolve("infrastructure/target/screenshots");
        Path log = work.resolve("browser.log");

        Process browser = new ProcessBuilder(
                        "node",
                        "e2e/product.mjs",
                        server.url(),
                        invoice.toString(),
                        scan.toString(),
                        screenshots.toString())
                .directory(web.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean ended = browser.waitFor(4, TimeUnit.MINUTES);
        if (!ended) {
            browser.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(ended, "the browser run did not end within 4 minutes:\n" + output);
        assertEquals(0, browser.exitValue(), output);
        assertTrue(output.contains("ok - the old token gets 401"), output);
        assertTrue(output.contains("ok - no console errors"), output);
        assertTrue(Files.size(screenshots.resolve("2-job.png")) > 10_000, "a screenshot of the job page");
    }
}
