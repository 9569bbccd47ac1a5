package com.ocrchat.export;

import com.ocrchat.auth.Caller;
import com.ocrchat.error.InvalidInput;
import com.ocrchat.error.NotFound;
import com.ocrchat.error.NotReady;
import com.ocrchat.job.JobQueries;
import com.ocrchat.job.JobRecord;
import com.ocrchat.job.JobResult;
import com.ocrchat.job.JobStatus;
import com.ocrchat.job.Translation;
import com.ocrchat.page.MarkdownBlocks;
import com.ocrchat.page.Page;
import com.ocrchat.page.Tables;
import com.ocrchat.store.BucketLayout;
import com.ocrchat.store.ObjectStore;
import com.ocrchat.store.PageImages;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GET /api/v1/ocr/{uuid}/download/?format=F: an export is made on its first request, stored in the
 * bucket and served from there afterwards; one too large for a Lambda response is answered with a
 * short-lived presigned URL to redirect to.
 */
public final class DownloadService {
    private static final Duration LINK_LIFETIME = Duration.ofMinutes(15);

    /** The export inline ({@code bytes}) or, when large, a {@code redirect} URL. */
    public record Download(ExportFormat format, String filename, byte[] bytes, String redirect) {}

    private final JobQueries jobs;
    private final ObjectStore objects;
    private final PageImages images;
    private final Map<ExportFormat, Exporter> exporters = new EnumMap<>(ExportFormat.class);
    private final long inlineMaxBytes;

    public DownloadService(JobQueries jobs, ObjectStore objects, int pdfDpi, long inlineMaxBytes) {
        this.jobs = jobs;
        this.objects = objects;
        this.images = new PageImages(objects);
        this.inlineMaxBytes = inlineMaxBytes;
        exporters.put(ExportFormat.TXT, TextExporters.TEXT);
        exporters.put(ExportFormat.MD, TextExporters.MARKDOWN);
        exporters.put(ExportFormat.DOCX, new DocxExporter());
        exporters.put(ExportFormat.PDF, new SearchablePdfExporter(pdfDpi));
        exporters.put(ExportFormat.CSV, new CsvExporter());
        exporters.put(ExportFormat.JSON, new JsonExporter());
        exporters.put(ExportFormat.HOCR, new HocrExporter());
        exporters.put(ExportFormat.ALTO, new AltoExporter());
    }

    /**
     * The export in {@code requestedFormat}; with {@code translated=true} made from the job's translation
     * (tool=translate) instead of its recognized text.
     */
    public Download download(Caller caller, String uuid, String requestedFormat, String translatedParameter) {
        ExportFormat format = ExportFormat.of(requestedFormat);
        boolean translated = translated(translatedParameter);
        JobRecord job = jobs.find(caller, uuid);
        if (job.status() != JobStatus.DONE) {
            throw new NotReady(
                    "The job is " + job.status().id() + "; its exports exist once it is done",
                    job.status().id());
        }
        String key = BucketLayout.export(job.uuid(), translated ? "translated." : "", format.id());
        Optional<Long> stored = objects.size(key);
        JobResult result = null;
        if (stored.isEmpty() || translated) {
            result = jobs.result(job);
        }
        if (translated) {
            result = translatedView(result, format);
        }
        String filename = stem(job.filename())
                + (translated ? "." + result.translation().language() : "") + "." + format.extension();
        byte[] made = null;
        long size;
        if (stored.isPresent()) {
            size = stored.get();
        } else {
            made = exporters.get(format).export(job, result, images);
            objects.put(key, made, format.contentType());
            size = made.length;
        }
        if (size > inlineMaxBytes) {
            return new Download(
                    format, filename, null, objects.presignedGet(key, LINK_LIFETIME, filename, format.contentType()));
        }
        byte[] bytes = made != null ? made : objects.get(key).orElseThrow(() -> new NotFound("The export has expired"));
        return new Download(format, filename, bytes, null);
    }

    private static boolean translated(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("false") || value.equals("0")) {
            return false;
        }
        if (value.equalsIgnoreCase("true") || value.equals("1")) {
            return true;
        }
        throw new InvalidInput("translated is true or false, not '" + value + "'");
    }

    /** The result as its translation reads: each page's Markdown is its translation, text and Markdown the translated ones. */
    private static JobResult translatedView(JobResult result, ExportFormat format) {
        Translation translation = result.translation();
        if (translation == null) {
            throw new InvalidInput("The job has no translation: submit it with tool=translate and translate_to");
        }
        if (format == ExportFormat.HOCR || format == ExportFormat.ALTO) {
            throw new InvalidInput("The " + format.id() + " export carries the recognized words' boxes; "
                    + "a translation has none and comes as txt, md, docx or json");
        }
        if (format == ExportFormat.PDF) {
            throw new InvalidInput("The pdf export is the original pages with their recognized text layer; "
                    + "a translation comes as txt, md, docx or json (csv when it has tables)");
        }
        List<Page> pages = result.pages().stream()
                .map(page -> {
                    String markdown = page.translation() == null ? "" : page.translation();
                    return new Page(
                            page.index(),
                            page.width(),
                            page.height(),
                            String.join("\n\n", MarkdownBlocks.plainBlocks(markdown)),
                            List.of(),
                            List.of(),
                            markdown,
                            page.warnings(),
                            null);
                })
                .toList();
        if (format == ExportFormat.CSV
                && pages.stream().allMatch(page -> Tables.of(page, false).isEmpty())) {
            // The csv of a job without tables lists its blocks with their boxes; a translation has no boxes.
            throw new InvalidInput("The translation has no tables; its text comes as txt, md, docx or json");
        }
        return new JobResult(
                translation.text(),
                translation.markdown(),
                pages,
                result.meanConfidence(),
                translation.language(),
                translation,
                result.warnings());
    }

    /** "invoice.pdf" becomes "invoice", so its Markdown downloads as "invoice.md". */
    static String stem(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot > 0 ? filename.substring(0, dot) : filename;
    }
}
