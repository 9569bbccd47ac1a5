package com.ocrchat.bench;

import com.ocrchat.testing.Cer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * More real pages than the project ships: 27 other scans among Leptonica's test images (book pages from 75 to 300
 * dpi, newsletters, typed 1930s tables, lottery tickets, a page of music, photographed pages), fetched once from
 * Debian's archive (the same source as bench/real) into ~/.cache/ocrchat, through the whole service, one POST each,
 * against the tesseract command line on the same files. None of the service's tuning was made on them at first: on
 * 2026-12-01 the engine alone took 1.83x the command line on them (a page of music enlarged 3x, a table turned
 * upside down), since fixed.
 */
final class LeptonicaPagesBench {
    static final String TARBALL = "leptonlib_1.82.0.orig.tar.gz";
    static final String URL = "http://deb.debian.org/debian/pool/main/l/leptonlib/" + TARBALL;
    static final String SHA256 = "155302ee914668c27b6fe3ca9ff2da63b245f6d62f3061c8f27563774b8ae2d6";
    static final List<String> PAGES = List.of(
            "pageseg2.tif",
            "pageseg3.tif",
            "pageseg4.tif",
            "w91frag.jpg",
            "lucasta.047.jpg",
            "lucasta.1.300.tif",
            "tickets.tif",
            "table.15.tif",
            "table.27.tif",
            "zanotti-78.jpg",
            "lyra.036.jpg",
            "breviar.38.150.jpg",
            "1555.007.jpg",
            "pedante.079.jpg",
            "marge.jpg",
            "harmoniam100-11.png",
            "lion-page.00010.jpg",
            "colorpage.030.jpg",
            "boxedpage.jpg",
            "warped_paper.jpg",
            "underline1.jpg",
            "tribune-page-4x.png",
            "brothers.150.jpg",
            "amoris.2.150.jpg",
            "juditharismax.jpg",
            "ortiz-05.tif",
            "bois-4.tif");

    private LeptonicaPagesBench() {}

    static void run(Path work) throws Exception {
        Path pages = fetch(work);
        double cli = 0;
        double service = 0;
        System.out.printf(
                Locale.ROOT,
                "%d more real pages (Leptonica 1.82.0's prog/, from %s): one POST each (tier=cpu, language=en),"
                        + " against OMP_THREAD_LIMIT=1 tesseract FILE stdout -l eng%n",
                PAGES.size(),
                URL);
        System.out.printf(Locale.ROOT, "  %-22s %8s %10s %7s %8s%n", "page", "CLI s", "service s", "ratio", "differ");
        try (BenchServer server = BenchServer.start(2, List.of())) {
            byte[] warm = Files.readAllBytes(pages.resolve(PAGES.get(0)));
            server.read(warm, PAGES.get(0), Map.of("language", "en", "tier", "cpu"));
            for (String name : PAGES) {
                Path file = pages.resolve(name);
                long start = System.nanoTime();
                String cliText = Bench.tesseractCli(file);
                double cliSeconds = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                String text = server.read(Files.readAllBytes(file), name, Map.of("language", "en", "tier", "cpu"))
                        .get("text")
                        .asText();
                double seconds = (System.nanoTime() - start) / 1e9;
                cli += cliSeconds;
                service += seconds;
                System.out.printf(
                        Locale.ROOT,
                        "  %-22s %8.2f %10.2f %6.2fx %7.1f%%%n",
                        name,
                        cliSeconds,
                        seconds,
                        seconds / cliSeconds,
                        100 * Cer.of(cliText, text));
            }
        }
        System.out.printf(
                Locale.ROOT,
                "  all pages: service %.1f s, tesseract CLI %.1f s: %.2fx (\"differ\" is agreement with the CLI, not"
                        + " accuracy: no transcription ships with these pages)%n",
                service,
                cli,
                service / cli);
    }

    /** The pages, from the tarball cached in ~/.cache/ocrchat (downloaded and checked once). */
    private static Path fetch(Path work) throws Exception {
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "ocrchat");
        Files.createDirectories(cache);
        Path tarball = cache.resolve(TARBALL);
        if (!Files.exists(tarball)) {
            Path partial = cache.resolve(TARBALL + ".part");
            HttpResponse<InputStream> response = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(30))
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(URL))
                                    .timeout(Duration.ofMinutes(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(URL + " answered " + response.statusCode());
                }
                Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(partial, tarball, StandardCopyOption.REPLACE_EXISTING);
        }
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(tarball)));
        if (!sha.equals(SHA256)) {
            Files.delete(tarball);
            throw new IllegalStateException(TARBALL + " is not the one measured (SHA-256 " + sha + "): removed");
        }
        Path pages = work.resolve("leptonica");
        Files.createDirectories(pages);
        List<String> command = new ArrayList<>(
                List.of("tar", "xzf", tarball.toString(), "-C", pages.toString(), "--strip-components=2"));
        PAGES.forEach(name -> command.add("leptonica-1.82.0/prog/" + name));
        Process tar = new ProcessBuilder(command).inheritIO().start();
        if (tar.waitFor() != 0) {
            throw new IllegalStateException("tar could not extract the pages from " + tarball);
        }
        return pages;
    }
}
