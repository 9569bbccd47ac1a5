package com.ocrchat.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every deployment setting, read once. A value comes from a JVM system property of the same name
 * (how the local server configures the handlers it hosts in one JVM), else from the environment
 * (how SAM configures them on Lambda), else the default written here. The README lists them all.
 */
public final class Settings {
    private final Function<String, String> source;

    public final String region;
    public final Optional<String> s3Endpoint;
    public final Optional<String> dynamoDbEndpoint;
    public final Optional<String> sqsEndpoint;
    public final String chatTable;
    public final String localAccessKey;
    public final String localSecretKey;
    public final String bucket;
    public final String jobsTable;
    public final String accountsTable;
    public final long maxFileBytes;
    public final int inlinePageLimit;
    public final Duration inlineDeadline;
    public final int chunkPages;
    public final Duration stuckJobAfter;
    public final Optional<String> jobsQueueUrl;
    public final Optional<String> priorityQueueUrl;
    public final int anonymousDailyPages;
    public final int anonymousMaxPagesPerFile;
    public final int freeMonthlyPages;
    public final int freeMaxPagesPerFile;
    public final int paidMaxPagesPerFile;
    public final long maxPixelsPerPage;
    public final long inlineDownloadMaxBytes;
    public final int pdfDpi;
    public final Duration retention;
    public final int cpuCreditsPerPage;
    public final boolean vlmFallbackToCpu;
    public final int ocrThreads;
    public final String chatProvider;
    public final int chatMaxMessageChars;
    public final int chatMessagesPerDay;
    public final Optional<String> bedrockModelId;
    public final Optional<String> bedrockEndpoint;
    public final Optional<String> openAiBaseUrl;
    public final Optional<String> openAiApiKey;
    public final String openAiModel;
    public final Optional<Path> tessdata;
    public final String vlmProvider;
    public final Optional<String> vlmModel;
    public final int vlmCreditsPerPage;
    public final int vlmConcurrency;
    public final int vlmMaxImageEdge;
    public final int vlmMaxTokens;
    public final String translateProvider;
    public final Duration modelTimeout;
    public final int modelMaxAttempts;
    public final Duration modelBackoff;

    private Settings(Function<String, String> source) {
        this.source = source;
        region = text("OCRCHAT_REGION", text("AWS_REGION", "us-east-1"));
        s3Endpoint = optional("OCRCHAT_S3_ENDPOINT");
        dynamoDbEndpoint = optional("OCRCHAT_DYNAMODB_ENDPOINT");
        sqsEndpoint = optional("OCRCHAT_SQS_ENDPOINT");
        chatTable = text("OCRCHAT_CHAT_TABLE", "ocrchat-chat");
        localAccessKey = text("OCRCHAT_LOCAL_ACCESS_KEY", "local");
        localSecretKey = text("OCRCHAT_LOCAL_SECRET_KEY", "local-secret");
        bucket = text("OCRCHAT_BUCKET", "ocrchat-local");
        jobsTable = text("OCRCHAT_JOBS_TABLE", "ocrchat-jobs");
        accountsTable = text("OCRCHAT_ACCOUNTS_TABLE", "ocrchat-accounts");
        maxFileBytes = integer("OCRCHAT_MAX_FILE_MB", 50) * 1024L * 1024L;
        inlinePageLimit = integer("OCRCHAT_INLINE_PAGE_LIMIT", 5);
        // Under the HTTP API's 30 s integration timeout, with room to stop and hand the job to the workers.
        inlineDeadline = Duration.ofSeconds(Math.max(1, integer("OCRCHAT_INLINE_DEADLINE_SECONDS", 20)));
        chunkPages = Math.max(1, integer("OCRCHAT_CHUNK_PAGES", 5));
        stuckJobAfter = Duration.ofMinutes(integer("OCRCHAT_STUCK_JOB_MINUTES", 30));
        jobsQueueUrl = optional("OCRCHAT_JOBS_QUEUE_URL");
        priorityQueueUrl = optional("OCRCHAT_PRIORITY_QUEUE_URL");
        anonymousDailyPages = integer("OCRCHAT_ANONYMOUS_DAILY_PAGES", 10);
        anonymousMaxPagesPerFile = integer("OCRCHAT_ANONYMOUS_MAX_PAGES_PER_FILE", 5);
        freeMonthlyPages = integer("OCRCHAT_FREE_MONTHLY_PAGES", 100);
        freeMaxPagesPerFile = integer("OCRCHAT_FREE_MAX_PAGES_PER_FILE", 20);
        paidMaxPagesPerFile = integer("OCRCHAT_PAID_MAX_PAGES_PER_FILE", 500);
        maxPixelsPerPage = integer("OCRCHAT_MAX_PAGE_MEGAPIXELS", 100) * 1_000_000L;
        pdfDpi = integer("OCRCHAT_PDF_DPI", 300);
        inlineDownloadMaxBytes = integer("OCRCHAT_INLINE_DOWNLOAD_MAX_KB", 4000) * 1000L;
        retention = Duration.ofDays(integer("OCRCHAT_RETENTION_DAYS", 7));
        cpuCreditsPerPage = integer("OCRCHAT_CPU_CREDITS_PER_PAGE", 1);
        vlmFallbackToCpu = !"reject".equalsIgnoreCase(text("OCRCHAT_VLM_UNAVAILABLE", "cpu"));
        ocrThreads = integer("OCRCHAT_OCR_THREADS", Runtime.getRuntime().availableProcessors());
        bedrockModelId = optional("OCRCHAT_BEDROCK_MODEL_ID");
        bedrockEndpoint = optional("OCRCHAT_BEDROCK_ENDPOINT");
        openAiBaseUrl = optional("OCRCHAT_OPENAI_BASE_URL");
        openAiApiKey = optional("OCRCHAT_OPENAI_API_KEY");
        openAiModel = text("OCRCHAT_OPENAI_MODEL", "gpt-4o-mini");
        // Without a choice, a configured provider is used; with none configured, the extractive answerer.
        chatProvider = text("OCRCHAT_CHAT_PROVIDER", bedrockModelId.isPresent() ? "bedrock" : openAiBaseUrl.isPresent() ? "openai" : "extractive");
        chatMaxMessageChars = integer("OCRCHAT_CHAT_MAX_MESSAGE_CHARS", 4000);
        chatMessagesPerDay = integer("OCRCHAT_CHAT_MESSAGES_PER_DAY", 200);
        // tier=vlm needs a model that reads images, so it is never chosen implicitly.
        vlmProvider = text("OCRCHAT_VLM_PROVIDER", "none");
        vlmModel = optional("OCRCHAT_VLM_MODEL");
        vlmCreditsPerPage = integer("OCRCHAT_VLM_CREDITS_PER_PAGE", 5);
        vlmConcurrency = Math.max(1, integer("OCRCHAT_VLM_CONCURRENCY", 4));
        vlmMaxImageEdge = Math.max(256, integer("OCRCHAT_VLM_MAX_IMAGE_EDGE", 1568));
        vlmMaxTokens = Math.max(256, integer("OCRCHAT_VLM_MAX_TOKENS", 4096));
        translateProvider = text("OCRCHAT_TRANSLATE_PROVIDER",
                bedrockModelId.isPresent() ? "bedrock" : openAiBaseUrl.isPresent() ? "openai" : "none");
        modelTimeout = Duration.ofSeconds(integer("OCRCHAT_MODEL_TIMEOUT_SECONDS", 90));
        modelMaxAttempts = Math.max(1, integer("OCRCHAT_MODEL_MAX_ATTEMPTS", 4));
        modelBackoff = Duration.ofMillis(integer("OCRCHAT_MODEL_BACKOFF_MS", 1000));
        tessdata = optional("TESSDATA_PREFIX").map(Path::of).or(Settings::debianTessdata);
    }

    /** System properties over environment over defaults: the one way settings are read. */
    public static Settings fromEnvironment() {
        return new Settings(name -> {
            String property = System.getProperty(name);
            return property != null ? property : System.getenv(name);
        });
    }

    /** For tests: exactly these values, then defaults. */
    public static Settings of(Map<String, String> values) {
        return new Settings(values::get);
    }

    private String text(String name, String fallback) {
        String value = source.apply(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private Optional<String> optional(String name) {
        return Optional.ofNullable(source.apply(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private int integer(String name, int fallback) {
        String value = text(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Setting " + name + " must be a whole number, not '" + value + "'");
        }
    }

    /** Debian installs the models under tesseract-ocr/<major>/tessdata. */
    private static Optional<Path> debianTessdata() {
        for (String candidate : List.of("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                "/usr/share/tessdata", "/usr/local/share/tessdata")) {
            Path path = Path.of(candidate);
            if (Files.isDirectory(path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }
}
