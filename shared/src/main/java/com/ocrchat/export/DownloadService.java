package com.ocrchat.export;

import com.ocrchat.auth.Caller;
import com.ocrchat.http.ApiException;
import com.ocrchat.job.Job;
import com.ocrchat.job.JobResult;
import com.ocrchat.job.JobService;
import com.ocrchat.job.Translation;
import com.ocrchat.ocr.MarkdownBlocks;
import com.ocrchat.ocr.Page;
import com.ocrchat.ocr.Tables;
import java.util.List;
import com.ocrchat.job.JobStatus;
import com.ocrchat.settings.Settings;
import com.ocrchat.store.ObjectStore;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * GET /api/v1/ocr/{uuid}/download/?format=F: an export is made on its first request, stored in S3
 * and served from there afterwards; one too large for a Lambda response is answered with a
 * short-lived presigned S3 URL to redirect to.
 */
public final class DownloadService {
    private static final Duration LINK_LIFETIME = Duration.ofMinutes(15);

    /** The export inline ({@code bytes}) or, when large, a {@code redirect} URL. */
    public record Download(ExportFormat format, String filename, byte[] bytes, String redirect) {
    }

    private final JobService jobs;
    private final ObjectStore objects;
    private final PageImages images;
    private final Map<ExportFormat, Exporter> exporters = new EnumMap<>(ExportFormat.class);
    private final long inlineMaxBytes;

    public DownloadService(Settings settings, JobService jobs, ObjectStore objects) {
        this.jobs = jobs;
        this.objects = objects;
        this.images = new PageImages(objects);
        this.inlineMaxBytes = settings.inlineDownloadMaxBytes;
        exporters.put(ExportFormat.TXT, TextExporters.TEXT);
        exporters.put(ExportFormat.MD, TextExporters.MARKDOWN);
        exporters.put(ExportFormat.DOCX, new DocxExporter());
        exporters.put(ExportFormat.PDF, new SearchablePdfExporter(settings.pdfDpi));
        exporters.put(ExportFormat.CSV, new CsvExporter());
        exporters.put(ExportFormat.JSON, new JsonExporter());
    }

    /**
     * The export in {@code requestedFormat}; with {@code translated=true} made from the job's translation
     * (tool=translate) instead of its recognized text.
     */
    public Download download(Caller caller, String uuid, String requestedFormat, String translatedParameter) {
        ExportFormat format = ExportFormat.of(requestedFormat);
        boolean translated = translated(translatedParameter);
        Job job = jobs.withDetail(caller, uuid);
        if (job.status() != JobStatus.DONE) {
            throw new ApiException(409, "The job is " + job.status().id() + "; its exports exist once it is done",
                    Map.of("status", job.status().id()));
        }
        if (translated) {
            if (job.translation() == null) {
                throw ApiException.badRequest("The job has no translation: submit it with tool=translate and translate_to");
            }
            if (format == ExportFormat.PDF) {
                throw ApiException.badRequest("The pdf export is the original pages with their recognized text layer; "
                        + "a translation comes as txt, md, docx or json (csv when it has tables)");
            }
            job = translatedView(job);
            if (format == ExportFormat.CSV && job.pages().stream().allMatch(page -> Tables.of(page, false).isEmpty())) {
                // The csv of a job without tables lists its blocks with their boxes; a translation has no boxes.
                throw ApiException.badRequest("The translation has no tables; its text comes as txt, md, docx or json");
            }
        }
        String variant = translated ? "translated." : "";
        String key = "exports/" + job.uuid() + "/export." + variant + format.extension();
        String filename = stem(job.filename()) + (translated ? "." + job.translation().language() : "") + "." + format.extension();
        byte[] made = null;
        Optional<Long> stored = objects.size(key);
        long size;
        if (stored.isPresent()) {
            size = stored.get();
        } else {
            made = exporters.get(format).export(job, images);
            objects.put(key, made, format.contentType());
            size = made.length;
        }
        if (size > inlineMaxBytes) {
            return new Download(format, filename, null, objects.presignedGet(key, LINK_LIFETIME, filename, format.contentType()));
        }
        byte[] bytes = made != null ? made : objects.get(key).orElseThrow(() -> ApiException.notFound("The export has expired"));
        return new Download(format, filename, bytes, null);
    }

    private static boolean translated(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("false") || value.equals("0")) {
            return false;
        }
        if (value.equalsIgnoreCase("true") || value.equals("1")) {
            return true;
        }
        throw ApiException.badRequest("translated is true or false, not '" + value + "'");
    }

    /** The job as its translation reads: each page's Markdown is its translation, text and Markdown the translated ones. */
    private static Job translatedView(Job job) {
        List<Page> pages = job.pages().stream().map(page -> {
            String markdown = page.translation() == null ? "" : page.translation();
            return new Page(page.index(), page.width(), page.height(), String.join("\n\n", MarkdownBlocks.plainBlocks(markdown)),
                    List.of(), List.of(), markdown, page.warnings(), null);
        }).toList();
        Translation translation = job.translation();
        return job.withResult(new JobResult(translation.text(), translation.markdown(), pages, job.meanConfidence(), translation.language(),
                translation, job.warnings()));
    }

    /** "invoice.pdf" becomes "invoice", so its Markdown downloads as "invoice.md". */
    static String stem(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot > 0 ? filename.substring(0, dot) : filename;
    }
}
