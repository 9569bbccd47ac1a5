package com.ocrchat.http;

import com.ocrchat.error.InvalidInput;
import com.ocrchat.error.LimitExceeded;
import com.ocrchat.job.SubmittedFile;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.fileupload.FileItem;
import org.apache.commons.fileupload.FileUpload;
import org.apache.commons.fileupload.FileUploadBase;
import org.apache.commons.fileupload.FileUploadException;
import org.apache.commons.fileupload.InvalidFileNameException;
import org.apache.commons.fileupload.UploadContext;
import org.apache.commons.fileupload.disk.DiskFileItemFactory;

/** A multipart/form-data body parsed with commons-fileupload: text fields and file fields. */
public final class MultipartForm {
    private static final int MAX_PARTS = 32;
    /** A text field holds a choice or an id, never a document: anything longer is refused, not echoed. */
    static final int MAX_FIELD_BYTES = 1024;
    /** URLs (a presigned one with a session token runs past 1 KB) take up to the outbound client's 2048. */
    static final int MAX_URL_FIELD_BYTES = 2048;

    private static final java.util.Set<String> URL_FIELDS = java.util.Set.of("url", "callback_url");
    /** What the parts' own headers and boundaries may add to a body beyond its file. */
    private static final long ENVELOPE_BYTES = 64 * 1024;

    private final Map<String, String> fields;
    private final Map<String, SubmittedFile> files;

    private MultipartForm(Map<String, String> fields, Map<String, SubmittedFile> files) {
        this.fields = fields;
        this.files = files;
    }

    public static MultipartForm parse(ApiRequest request, long maxFileBytes) {
        String contentType = request.contentType();
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new InvalidInput("Send the file as multipart/form-data with a 'file' field"
                    + (contentType.isEmpty() ? "" : " (got " + contentType + ")"));
        }
        byte[] body = request.body(maxFileBytes + ENVELOPE_BYTES);
        // Everything stays in memory: the body already is (Lambda hands it over whole).
        FileUpload upload = new FileUpload(new DiskFileItemFactory(Integer.MAX_VALUE, null));
        upload.setFileSizeMax(maxFileBytes);
        upload.setFileCountMax(MAX_PARTS);
        upload.setHeaderEncoding(StandardCharsets.UTF_8.name());
        Map<String, List<FileItem>> parts;
        try {
            parts = upload.parseParameterMap(new BodyContext(contentType, body));
        } catch (FileUploadBase.FileSizeLimitExceededException e) {
            throw new LimitExceeded("The file is larger than this server accepts", Map.of("max_bytes", maxFileBytes));
        } catch (FileUploadException e) {
            throw new InvalidInput("Malformed multipart body: " + e.getMessage());
        } catch (RuntimeException e) {
            // The parser's own faults on the client's bytes (found by fuzzing: a part that declares itself
            // multipart/mixed with no boundary throws a NullPointerException from commons-fileupload).
            throw new InvalidInput("Malformed multipart body: a part of it cannot be parsed");
        }
        Map<String, String> fields = new HashMap<>();
        Map<String, SubmittedFile> files = new HashMap<>();
        parts.forEach((name, items) -> {
            FileItem item = items.get(0);
            if (item.isFormField()) {
                int max = URL_FIELDS.contains(name) ? MAX_URL_FIELD_BYTES : MAX_FIELD_BYTES;
                if (item.getSize() > max) {
                    throw new InvalidInput(
                            (URL_FIELDS.contains(name) ? "The " + name + " field" : "A form field") + " is longer than "
                                    + max + " bytes",
                            Map.of("max_field_bytes", max));
                }
                fields.put(name, new String(item.get(), StandardCharsets.UTF_8));
            } else {
                String filename;
                try {
                    filename = item.getName();
                } catch (InvalidFileNameException e) {
                    throw new InvalidInput("The file's name is not a file name: it holds a NUL character");
                }
                files.put(name, new SubmittedFile(SubmittedFile.baseName(filename), item.get()));
            }
        });
        return new MultipartForm(fields, files);
    }

    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    public Optional<SubmittedFile> file(String name) {
        return Optional.ofNullable(files.get(name));
    }

    private record BodyContext(String contentType, byte[] body) implements UploadContext {
        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        @Deprecated
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long contentLength() {
            return body.length;
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(body);
        }
    }
}
