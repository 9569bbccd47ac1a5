package com.ocrchat.job;

import com.ocrchat.page.Page;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The recognition engine as the job flow sees it: opens a file (deciding its type from the bytes) and
 * reads ranges of its pages for a job. Implemented by the OCR engine module; the zip functions never
 * reach it. A file or page the client got wrong is thrown as UnsupportedDocument or LimitExceeded, a
 * fault of the engine or of a model provider as RecognitionFailure or ProviderFailure.
 */
public interface DocumentReader {

    OpenDocument open(byte[] bytes);

    /** The language of recognized text as ISO 639-1, when the text says so clearly. */
    Optional<String> detectLanguage(String text);

    /**
     * The index of the page a fault names (a corrupt page, a page over its time or size), if it names one: such faults
     * give its number (1-based) as their {@code page} detail.
     */
    static OptionalInt faultPage(com.ocrchat.error.OcrChatException fault) {
        return fault.details().get("page") instanceof Integer page ? OptionalInt.of(page - 1) : OptionalInt.empty();
    }

    /** An opened file. Not thread-safe between callers; close it when done. */
    interface OpenDocument extends AutoCloseable {
        /** The file's media type ({@code application/pdf}, {@code image/png}, ...). */
        String mediaType();

        /** The extension a file of this type goes by ({@code pdf}, {@code png}), for jobs sent without a name. */
        String extension();

        int pageCount();

        /**
         * Pages {@code from} (inclusive) to {@code to} (exclusive), read for the job as its options ask
         * ({@code models}: the resolved Tesseract language string), in order. The page images the
         * searchable PDF needs are kept on the way.
         */
        List<Page> read(JobRecord job, String models, int from, int to);

        /**
         * How many pages this opened file has read to the end, whether or not the call that read them
         * returned: the work done when a later page fails.
         */
        int pagesRead();

        /**
         * The pages read to the end (translated too, when asked) so far, in order, whether or not the call
         * that read them returned: kept when a reading is given up, so that nobody pays for them twice.
         */
        List<Page> finishedPages();

        /**
         * The pages read before the page {@code fault} names (all read so far when it names none): what a client's
         * fault is charged for. Pages after it that a parallel reader happened to finish are not.
         */
        default int pagesReadBefore(com.ocrchat.error.OcrChatException fault) {
            OptionalInt faultIndex = faultPage(fault);
            if (faultIndex.isPresent()) {
                return (int) finishedPages().stream()
                        .filter(page -> page.index() < faultIndex.getAsInt())
                        .count();
            }
            return pagesRead();
        }

        @Override
        void close();
    }
}
