package com.ocrchat.export;

import com.ocrchat.job.JobRecord;
import com.ocrchat.job.JobResult;
import com.ocrchat.page.Block;
import com.ocrchat.page.Page;
import com.ocrchat.page.WellFormedText;
import com.ocrchat.page.Word;
import com.ocrchat.store.PageImages;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * hOCR 1.2 (http://kba.github.io/hocr-spec/1.2/) as Tesseract writes it: one {@code ocr_page} per
 * page, each block an {@code ocr_carea} holding one {@code ocr_par}, then {@code ocr_line} and
 * {@code ocrx_word} with its {@code x_wconf} (0-100). Boxes are in the page's pixels.
 */
final class HocrExporter implements Exporter {
    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String DOCTYPE = "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\""
            + " \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">";

    @Override
    public byte[] export(JobRecord job, JobResult result, PageImages images) {
        return XmlExport.write(DOCTYPE, xml -> {
            xml.setDefaultNamespace(XHTML);
            xml.writeStartElement(XHTML, "html");
            xml.writeDefaultNamespace(XHTML);
            xml.writeStartElement(XHTML, "head");
            element(xml, "title", WellFormedText.of(job.filename()));
            meta(xml, "ocr-system", "ocrchat");
            meta(xml, "ocr-capabilities", "ocr_page ocr_carea ocr_par ocr_line ocrx_word ocrp_wconf");
            meta(xml, "ocr-number-of-pages", Integer.toString(result.pages().size()));
            xml.writeEndElement();
            xml.writeStartElement(XHTML, "body");
            for (Page page : result.pages()) {
                page(xml, job.filename(), page);
            }
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    private static void page(XMLStreamWriter xml, String filename, Page page) throws XMLStreamException {
        int number = page.index() + 1;
        // Inside a title, properties are split at ';' and strings quoted with '"'.
        String image = WellFormedText.of(filename).replace('"', '\'').replace(';', ',');
        open(
                xml,
                "div",
                "ocr_page",
                "page_" + number,
                "image \"" + image + "\"; bbox 0 0 " + page.width() + " " + page.height() + "; ppageno "
                        + page.index());
        int blocks = 0, lines = 0, words = 0;
        for (Block block : page.blocks()) {
            blocks++;
            String box = bbox(block.bbox());
            open(xml, "div", "ocr_carea", "block_" + number + "_" + blocks, box);
            open(xml, "p", "ocr_par", "par_" + number + "_" + blocks, box);
            for (TextLines.Line line : TextLines.of(block)) {
                lines++;
                int height = line.bbox()[3] - line.bbox()[1];
                open(
                        xml,
                        "span",
                        "ocr_line",
                        "line_" + number + "_" + lines,
                        bbox(line.bbox()) + "; baseline 0 0; x_size " + height);
                for (Word word : line.words()) {
                    words++;
                    open(
                            xml,
                            "span",
                            "ocrx_word",
                            "word_" + number + "_" + words,
                            bbox(word.bbox()) + "; x_wconf " + Math.round(word.confidence() * 100));
                    xml.writeCharacters(WellFormedText.of(word.text()));
                    xml.writeEndElement();
                    xml.writeCharacters(" ");
                }
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static String bbox(int[] box) {
        return "bbox " + box[0] + " " + box[1] + " " + box[2] + " " + box[3];
    }

    private static void open(XMLStreamWriter xml, String tag, String ocrClass, String id, String title)
            throws XMLStreamException {
        xml.writeStartElement(XHTML, tag);
        xml.writeAttribute("class", ocrClass);
        xml.writeAttribute("id", id);
        xml.writeAttribute("title", title);
    }

    private static void element(XMLStreamWriter xml, String tag, String text) throws XMLStreamException {
        xml.writeStartElement(XHTML, tag);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void meta(XMLStreamWriter xml, String name, String content) throws XMLStreamException {
        xml.writeEmptyElement(XHTML, "meta");
        xml.writeAttribute("name", name);
        xml.writeAttribute("content", content);
    }
}
