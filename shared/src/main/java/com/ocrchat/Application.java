package com.ocrchat;

import com.ocrchat.account.AccountService;
import com.ocrchat.auth.AccountStore;
import com.ocrchat.chat.AnswerProvider;
import com.ocrchat.chat.ChatService;
import com.ocrchat.chat.DynamoConversationStore;
import com.ocrchat.chat.ExtractiveAnswerer;
import com.ocrchat.chat.ModelAnswerer;
import com.ocrchat.auth.Authenticator;
import com.ocrchat.auth.DynamoAccountStore;
import com.ocrchat.export.DownloadService;
import com.ocrchat.job.DynamoJobStore;
import com.ocrchat.job.ChunkQueue;
import com.ocrchat.job.ChunkWorker;
import com.ocrchat.job.JobService;
import com.ocrchat.job.Recognizer;
import com.ocrchat.tools.Tools;
import com.ocrchat.translate.Translator;
import com.ocrchat.vlm.VisionEngine;
import com.ocrchat.job.SqsChunkQueue;
import com.ocrchat.job.Uploads;
import com.ocrchat.job.JobStore;
import com.ocrchat.metering.DynamoMeter;
import com.ocrchat.metering.Meter;
import com.ocrchat.ocr.Languages;
import com.ocrchat.ocr.OcrPipeline;
import com.ocrchat.ocr.TesseractEngine;
import com.ocrchat.settings.Settings;
import com.ocrchat.store.AwsClients;
import com.ocrchat.store.S3ObjectStore;
import com.ocrchat.model.ModelClients;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The service's parts wired once per process from {@link Settings}: every handler of a Lambda
 * container (or of the local server's JVM) shares the clients, stores and the OCR worker threads.
 */
public final class Application {
    private static volatile Application shared;

    public final Settings settings;
    public final AccountStore accounts;
    public final Authenticator authenticator;
    public final JobService jobs;
    public final JobStore jobStore;
    public final Meter meter;
    public final AccountService accountOverview;
    public final DownloadService downloads;
    public final ChunkWorker chunkWorker;
    public final Uploads uploads;
    public final ChatService chat;
    public final Tools tools;

    public Application(Settings settings) {
        this.settings = settings;
        S3Client s3 = AwsClients.s3(settings);
        DynamoDbClient dynamo = AwsClients.dynamo(settings);
        this.accounts = new DynamoAccountStore(dynamo, settings.accountsTable);
        this.authenticator = new Authenticator(accounts);
        this.meter = new DynamoMeter(dynamo, settings.accountsTable, settings, Clock.systemUTC());
        this.jobStore = new DynamoJobStore(dynamo, settings.jobsTable);
        TesseractEngine tesseract = new TesseractEngine(settings.tessdata.orElse(null));
        Optional<VisionEngine> vision = ModelClients.create(settings, "OCRCHAT_VLM_PROVIDER", settings.vlmProvider, settings.vlmModel,
                settings.modelTimeout, settings.modelMaxAttempts)
                .map(model -> new VisionEngine(tesseract, model, settings.vlmMaxImageEdge, settings.vlmMaxTokens));
        Optional<Translator> translator = ModelClients.create(settings, "OCRCHAT_TRANSLATE_PROVIDER", settings.translateProvider,
                Optional.empty(), settings.modelTimeout, settings.modelMaxAttempts)
                .map(model -> new Translator(model, settings.vlmMaxTokens));
        Recognizer recognizer = new Recognizer(new OcrPipeline(tesseract, settings.ocrThreads), vision, translator, settings.vlmConcurrency);
        this.tools = new Tools(vision.isPresent(), translator.isPresent());
        S3ObjectStore objects = new S3ObjectStore(s3, AwsClients.s3Presigner(settings), settings.bucket);
        Languages languages = Languages.installedIn(settings.tessdata.orElse(null));
        ChunkQueue chunkQueue = new SqsChunkQueue(AwsClients.sqs(settings),
                settings.jobsQueueUrl.orElse(null), settings.priorityQueueUrl.or(() -> settings.jobsQueueUrl).orElse(null));
        this.uploads = new Uploads(objects, settings.maxFileBytes, Clock.systemUTC());
        this.jobs = new JobService(settings, objects, jobStore, recognizer, tools, languages, meter, chunkQueue, uploads, Clock.systemUTC());
        this.chunkWorker = new ChunkWorker(settings, objects, jobStore, recognizer, languages, meter, Clock.systemUTC());
        this.accountOverview = new AccountService(settings, meter, jobStore);
        this.downloads = new DownloadService(settings, jobs, objects);
        this.chat = new ChatService(settings, jobs, new DynamoConversationStore(dynamo, settings.chatTable), answerProvider(settings),
                dynamo, Clock.systemUTC());
    }

    /** Bedrock or an OpenAI-compatible endpoint when configured; else the extractive answerer. */
    static AnswerProvider answerProvider(Settings settings) {
        if ("extractive".equals(settings.chatProvider)) {
            return new ExtractiveAnswerer();
        }
        // One attempt within 25 s: a chat answer has to fit in API Gateway's 30 s.
        return new ModelAnswerer(ModelClients.create(settings, "OCRCHAT_CHAT_PROVIDER", settings.chatProvider, Optional.empty(),
                Duration.ofSeconds(25), 1).orElseThrow(() -> new IllegalStateException("OCRCHAT_CHAT_PROVIDER is bedrock, openai or extractive")));
    }

    /** The process-wide instance, built from the environment on first use. */
    public static Application fromEnvironment() {
        Application current = shared;
        if (current == null) {
            synchronized (Application.class) {
                current = shared;
                if (current == null) {
                    current = new Application(Settings.fromEnvironment());
                    shared = current;
                }
            }
        }
        return current;
    }

    /** Forgets the process-wide instance, so the next handler built reads the settings anew (tests, restarts). */
    public static synchronized void reset() {
        shared = null;
    }
}
