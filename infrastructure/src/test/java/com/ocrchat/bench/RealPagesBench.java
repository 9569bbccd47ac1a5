package com.ocrchat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.ocrchat.observe.StageEvent;
import com.ocrchat.testing.Cer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Real scanned pages (bench/real, see its SOURCES.md) through the whole service, one POST each, against the
 * tesseract command line on the same files, in one run: time per page, language=auto against language=en,
 * agreement of the two readings, where the service's time goes (the stages it records as JDK Flight Recorder
 * events, and the collector's pauses, which no timer sees), and its memory per page being read.
 */
final class RealPagesBench {
    static final Path PAGES = Path.of("infrastructure/src/test/resources/bench/real");

    private RealPagesBench() {}

    record Page(String name, byte[] bytes, double cliSeconds, String cliText) {}

    /** The service's seconds per page on these pages, for the fan-out simulation. */
    static double run(Path work) throws Exception {
        List<Page> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(PAGES)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .toList()) {
                long start = System.nanoTime();
                String text = Bench.tesseractCli(file);
                pages.add(new Page(
                        file.getFileName().toString(),
                        Files.readAllBytes(file),
                        (System.nanoTime() - start) / 1e9,
                        text));
            }
        }
        Path recording = work.resolve("service.jfr");
        Map<String, double[]> service = new LinkedHashMap<>(); // name -> {en s, auto s, CER vs CLI, en s beside auto}
        Instant measuredFrom;
        Instant measuredTo;
        double idleMb;
        double onePageMb;
        double twoPagesMb;
        try (BenchServer server = BenchServer.start(
                2, List.of("-XX:StartFlightRecording=filename=" + recording + ",dumponexit=true,settings=default"))) {
            // Warm: the JVM, the handlers, a Tesseract handle per thread and model, as a warm Lambda has them.
            for (int i = 0; i < 2; i++) {
                server.submit(pages.get(i).bytes(), pages.get(i).name(), Map.of("language", "en"));
                server.submit(pages.get(i).bytes(), pages.get(i).name(), Map.of("language", "auto"));
            }
            idleMb = server.residentMb("VmRSS");
            measuredFrom = Instant.now();
            for (Page page : pages) {
                long start = System.nanoTime();
                JsonNode job = server.read(page.bytes(), page.name(), Map.of("language", "en", "tier", "cpu"));
                double seconds = (System.nanoTime() - start) / 1e9;
                service.put(page.name(), new double[] {
                    seconds, 0, Cer.of(page.cliText(), job.get("text").asText()), 0
                });
            }
            measuredTo = Instant.now();
            onePageMb = server.residentMb("VmHWM");
            // language=auto against language=en read again beside it, the first of the two alternating page by page:
            // against the first pass, auto would carry whatever the process's later state costs (one run: 1.12x,
            // where the engine alone reads an English page in the same time either way).
            for (int i = 0; i < pages.size(); i++) {
                Page page = pages.get(i);
                double[] v = service.get(page.name());
                for (String language : i % 2 == 0 ? List.of("en", "auto") : List.of("auto", "en")) {
                    long start = System.nanoTime();
                    server.read(page.bytes(), page.name(), Map.of("language", language));
                    v[language.equals("auto") ? 1 : 3] = (System.nanoTime() - start) / 1e9;
                }
            }
            // Two pages read at once, as two OCR threads (or two Lambda invocations in one process) would.
            for (int i = 0; i + 1 < pages.size(); i += 2) {
                Page a = pages.get(i);
                Page b = pages.get(i + 1);
                CompletableFuture.allOf(
                                CompletableFuture.runAsync(() -> submitQuietly(server, a)),
                                CompletableFuture.runAsync(() -> submitQuietly(server, b)))
                        .get(5, TimeUnit.MINUTES);
            }
            twoPagesMb = server.residentMb("VmHWM");
        }
        double cli = pages.stream().mapToDouble(Page::cliSeconds).sum();
        double ours = service.values().stream().mapToDouble(v -> v[0]).sum();
        double auto = service.values().stream().mapToDouble(v -> v[1]).sum();
        double enBesideAuto = service.values().stream().mapToDouble(v -> v[3]).sum();
        System.out.printf(
                Locale.ROOT,
                "Real scanned pages (%d, %s): one POST each (tier=cpu), against OMP_THREAD_LIMIT=1 tesseract FILE stdout -l eng%n",
                pages.size(),
                PAGES.resolve("SOURCES.md"));
        System.out.printf(
                Locale.ROOT,
                "  %-18s %8s %10s %7s %8s %10s%n",
                "page",
                "CLI s",
                "service s",
                "ratio",
                "auto s",
                "differ");
        for (Page page : pages) {
            double[] v = service.get(page.name());
            System.out.printf(
                    Locale.ROOT,
                    "  %-18s %8.2f %10.2f %6.2fx %8.2f %9.1f%%%n",
                    page.name(),
                    page.cliSeconds(),
                    v[0],
                    v[0] / page.cliSeconds(),
                    v[1],
                    100 * v[2]);
        }
        System.out.printf(
                Locale.ROOT,
                "  all pages: service %.1f s, tesseract CLI %.1f s: %.2fx (target <= 0.85x); a 1-page inline answer: "
                        + "%.2fx on %s (target <= 1.0x)%n",
                ours,
                cli,
                ours / cli,
                service.get(pages.get(0).name())[0] / pages.get(0).cliSeconds(),
                pages.get(0).name());
        System.out.printf(
                Locale.ROOT,
                "  language=auto %.1f s against language=en %.1f s, the two alternating page by page: %.2fx"
                        + " (target <= 1.1x)%n",
                auto,
                enBesideAuto,
                auto / enBesideAuto);
        System.out.printf(
                Locale.ROOT,
                "  the two readings differ by %.1f%% of characters on average (no transcription ships with these pages:"
                        + " this is agreement, not accuracy)%n",
                100 * service.values().stream().mapToDouble(v -> v[2]).average().orElse(0));
        stageBreakdown(recording, measuredFrom, measuredTo, pages.size(), ours);
        System.out.printf(
                Locale.ROOT,
                "Memory of the service's JVM (resident, whole process): %.0f MB idle and warm, peak %.0f MB reading one page"
                        + " at a time (+%.0f MB), %.0f MB two at a time (+%.0f MB a page); the OCR image's Lambda has 3008 MB%n",
                idleMb,
                onePageMb,
                onePageMb - idleMb,
                twoPagesMb,
                (twoPagesMb - idleMb) / 2);
        return ours / pages.size();
    }

    /** Where the service's time went while it read the pages with language=en, from its flight recording. */
    private static void stageBreakdown(Path recording, Instant from, Instant to, int pages, double requestSeconds)
            throws Exception {
        Map<String, Double> stages = new TreeMap<>();
        double gcPauses = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (event.getStartTime().isBefore(from) || event.getEndTime().isAfter(to)) {
                continue;
            }
            String type = event.getEventType().getName();
            if (type.equals(StageEvent.NAME)) {
                boolean beside = event.getThread() != null
                        && event.getThread().getJavaName().startsWith(com.ocrchat.ocr.OcrPipeline.KEEPING_THREADS);
                stages.merge(
                        event.getString("stage") + (beside ? " *" : ""),
                        event.getDuration().toNanos() / 1e9,
                        Double::sum);
            } else if (type.equals("jdk.GCPhasePause")) {
                gcPauses += event.getDuration().toNanos() / 1e9;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "  where the service's %.0f ms a page went (JDK Flight Recorder: the stages' own events, the collector's pauses):%n",
                1000 * requestSeconds / pages);
        double accounted = 0;
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(stages.entrySet());
        sorted.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        for (Map.Entry<String, Double> stage : sorted) {
            if (!stage.getKey().endsWith(" *")) {
                accounted += stage.getValue();
            }
            System.out.printf(
                    Locale.ROOT,
                    "    %-38s %7.0f ms  %5.1f%%%n",
                    stage.getKey(),
                    1000 * stage.getValue() / pages,
                    100 * stage.getValue() / requestSeconds);
        }
        System.out.printf(
                Locale.ROOT,
                "    %-38s %7.0f ms  %5.1f%%%n",
                "GC pauses (JFR)",
                1000 * gcPauses / pages,
                100 * gcPauses / requestSeconds);
        double rest = requestSeconds - accounted - gcPauses;
        System.out.printf(
                Locale.ROOT,
                "    %-38s %7.0f ms  %5.1f%%%n",
                "the rest: HTTP, multipart, type checks, metering",
                1000 * rest / pages,
                100 * rest / requestSeconds);
        System.out.println("    * on a thread of its own, beside the reading: not part of \"the rest\"");
    }

    private static void submitQuietly(BenchServer server, Page page) {
        try {
            server.read(page.bytes(), page.name(), Map.of("language", "en"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
