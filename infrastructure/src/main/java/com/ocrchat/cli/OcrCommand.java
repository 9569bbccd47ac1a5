package com.ocrchat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * ./ocrchat ocr FILE... [--server URL] [--token T] [--tier T] [--language L] [--tool T] [--format F] [-o OUT]
 * [--parallel N]: each file through the public API (a presigned upload when larger than one request carries),
 * progress from pages_done, the export written. Several files at once, at most --parallel (3). Exit 0 when every
 * file is written, 1 when any failed (the server's message is printed), 2 for a usage mistake.
 */
public final class OcrCommand {
    private static final List<String> FORMATS = List.of("md", "txt", "docx", "pdf", "csv", "json", "hocr", "alto");
    private static final String USAGE = "Usage: ./ocrchat ocr FILE... [--server URL] [--token T] [--tier cpu|vlm]"
            + " [--language L] [--tool T] [--format md|txt|docx|pdf|csv|json|hocr|alto] [-o OUT] [--parallel N]";

    record Options(
            List<Path> files,
            String server,
            String token,
            Map<String, String> fields,
            String format,
            Path output,
            int parallel,
            Path cwd) {}

    public static void main(String[] args) throws Exception {
        // A client's output is its progress: the libraries' logging only when something is wrong.
        System.setProperty("logback.statusListenerClass", "ch.qos.logback.core.status.NopStatusListener");
        System.setProperty("logback.configurationFile", "logback-cli.xml");
        // ./ocrchat runs from the repository; files and -o are relative to where the user typed the command.
        Path cwd = Path.of(System.getenv().getOrDefault("OCRCHAT_CWD", ".")).toAbsolutePath();
        Options options;
        try {
            options = parse(args, cwd);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Progress progress = new Progress(System.out, System.console() != null && !"dumb".equals(System.getenv("TERM")));
        ApiClient api = new ApiClient(options.server(), options.token());
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.min(options.parallel(), options.files().size()));
        List<Future<Boolean>> results = new ArrayList<>();
        for (Path file : options.files()) {
            results.add(pool.submit(() -> one(api, options, file, progress)));
        }
        boolean allWritten = true;
        try {
            for (Future<Boolean> result : results) {
                allWritten &= result.get();
            }
        } finally {
            pool.shutdownNow();
        }
        System.exit(allWritten ? 0 : 1);
    }

    /** One file: submitted, followed to its end, its export written. False (and a line saying why) when not. */
    private static boolean one(ApiClient api, Options options, Path file, Progress progress) {
        String name = file.getFileName().toString();
        try {
            JsonNode job = api.submit(file, Files.readAllBytes(file), options.fields());
            String uuid = job.get("uuid").asText();
            while (job.get("status").asText().equals("pending")
                    || job.get("status").asText().equals("processing")) {
                progress.pages(
                        name,
                        job.get("pages_done").asInt(),
                        job.get("page_count").asInt());
                Thread.sleep(1000);
                job = api.job(uuid);
            }
            if (!job.get("status").asText().equals("done")) {
                progress.line(name, "failed: " + job.path("error").asText("the job failed"));
                return false;
            }
            progress.pages(
                    name, job.get("page_count").asInt(), job.get("page_count").asInt());
            ApiClient.Export export = api.download(uuid, options.format());
            Path target = target(options, export.filename());
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.write(target, export.bytes());
            progress.line(
                    name,
                    "wrote " + target + " (" + job.get("page_count").asInt() + " pages, "
                            + job.get("credits_charged").asInt() + " credits)");
            return true;
        } catch (ApiClient.Failure e) {
            progress.line(name, e.getMessage());
        } catch (IOException e) {
            progress.line(name, "failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            progress.line(name, "interrupted");
        } catch (RuntimeException e) {
            // An answer that is not what the API gives (a wrong --server, a proxy's page): said, not thrown.
            progress.line(name, "failed: " + e);
        }
        return false;
    }

    /** -o names the file for one input, a folder for several; without it, the server's name in this folder. */
    private static Path target(Options options, String filename) {
        if (options.output() == null) {
            return options.cwd().resolve(filename);
        }
        return options.files().size() == 1 && !Files.isDirectory(options.output())
                ? options.output()
                : options.output().resolve(filename);
    }

    static Options parse(String[] args, Path cwd) {
        List<Path> files = new ArrayList<>();
        String server = System.getenv("OCRCHAT_SERVER");
        String token = System.getenv("OCRCHAT_TOKEN");
        Map<String, String> fields = new LinkedHashMap<>();
        String format = "md";
        Path output = null;
        int parallel = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--server" -> server = value(args, ++i);
                case "--token" -> token = value(args, ++i);
                case "--tier", "--language", "--tool", "--translate-to" ->
                    fields.put(args[i].substring(2).replace('-', '_'), value(args, ++i));
                case "--format" -> format = value(args, ++i).toLowerCase(java.util.Locale.ROOT);
                case "-o", "--output" -> output = cwd.resolve(value(args, ++i));
                case "--parallel" -> parallel = Integer.parseInt(value(args, ++i));
                default -> {
                    if (args[i].startsWith("-")) {
                        throw new IllegalArgumentException("Unknown option " + args[i]);
                    }
                    Path file = cwd.resolve(args[i]);
                    if (!Files.isRegularFile(file)) {
                        throw new IllegalArgumentException("No such file: " + args[i]);
                    }
                    files.add(file);
                }
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("Name at least one file");
        }
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("--format is one of " + String.join(", ", FORMATS));
        }
        if (parallel < 1) {
            throw new IllegalArgumentException("--parallel is at least 1");
        }
        LocalServerFiles local = LocalServerFiles.in(Path.of("data"));
        String base = server != null ? server : local.url();
        if (!base.matches("(?i)https?://[^/\\s]+.*")) {
            throw new IllegalArgumentException("--server takes an http:// or https:// address, not " + base);
        }
        return new Options(
                files,
                server != null ? server : local.url(),
                token != null ? token : local.token(),
                fields,
                format,
                output,
                parallel,
                cwd);
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }

    /** Defaults from a local server started by ./ocrchat serve: its address and its development token. */
    record LocalServerFiles(String url, String token) {
        static LocalServerFiles in(Path data) {
            String url = "http://localhost:3000";
            String token = null;
            try {
                Path server = data.resolve("server.json");
                if (Files.isRegularFile(server)) {
                    url = new ObjectMapper()
                            .readTree(server.toFile())
                            .path("url")
                            .asText(url);
                }
                Path devToken = data.resolve("dev-token");
                if (Files.isReadable(devToken)) {
                    token = Files.readString(devToken, StandardCharsets.UTF_8).strip();
                }
            } catch (IOException unreadable) {
                // no defaults then: --server and --token say it
            }
            return new LocalServerFiles(url, token);
        }
    }
}
