package com.ocrchat.export;

import com.ocrchat.job.JobRecord;
import com.ocrchat.job.JobResult;
import com.ocrchat.page.Block;
import com.ocrchat.page.Page;
import com.ocrchat.page.WellFormedText;
import com.ocrchat.page.Word;
import com.ocrchat.store.PageImages;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * ALTO 4.4 (https://www.loc.gov/standards/alto/): every page a {@code Page} whose {@code PrintSpace}
 * holds a {@code TextBlock} per block, {@code TextLine}s, and {@code String}s with their word
 * confidence {@code WC} (0..1), spaces as {@code SP}. Positions in pixels.
 */
final class AltoExporter implements Exporter {
    private static final String ALTO = "http://www.loc.gov/standards/alto/ns-v4#";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    @Override
    public byte[] export(JobRecord job, JobResult result, PageImages images) {
        return XmlExport.write(null, xml -> {
            xml.setDefaultNamespace(ALTO);
            xml.writeStartElement(ALTO, "alto");
            xml.writeDefaultNamespace(ALTO);
            xml.writeNamespace("xsi", XSI);
            xml.writeAttribute(XSI, "schemaLocation", ALTO + " http://www.loc.gov/standards/alto/v4/alto-4-4.xsd");
            xml.writeAttribute("SCHEMAVERSION", "4.4");
            description(xml, job.filename());
            xml.writeStartElement(ALTO, "Layout");
            for (Page page : result.pages()) {
                page(xml, page);
            }
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    private static void description(XMLStreamWriter xml, String filename) throws XMLStreamException {
        xml.writeStartElement(ALTO, "Description");
        text(xml, "MeasurementUnit", "pixel");
        xml.writeStartElement(ALTO, "sourceImageInformation");
        text(xml, "fileName", WellFormedText.of(filename));
        xml.writeEndElement();
        xml.writeStartElement(ALTO, "Processing");
        xml.writeAttribute("ID", "ocrchat");
        text(xml, "processingCategory", "contentGeneration");
        xml.writeStartElement(ALTO, "processingSoftware");
        text(xml, "softwareName", "ocrchat");
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void page(XMLStreamWriter xml, Page page) throws XMLStreamException {
        int number = page.index() + 1;
        xml.writeStartElement(ALTO, "Page");
        xml.writeAttribute("ID", "page_" + number);
        xml.writeAttribute("PHYSICAL_IMG_NR", Integer.toString(number));
        xml.writeAttribute("WIDTH", Integer.toString(page.width()));
        xml.writeAttribute("HEIGHT", Integer.toString(page.height()));
        List<Word> allWords = page.blocks().stream()
                .flatMap(block -> TextLines.of(block).stream())
                .flatMap(line -> line.words().stream())
                .toList();
        Word.meanConfidence(allWords).ifPresent(confidence -> attribute(xml, "PC", confidence));
        xml.writeStartElement(ALTO, "PrintSpace");
        position(xml, new int[] {0, 0, page.width(), page.height()});
        int blocks = 0, lines = 0, words = 0;
        for (Block block : page.blocks()) {
            xml.writeStartElement(ALTO, "TextBlock");
            xml.writeAttribute("ID", "block_" + number + "_" + ++blocks);
            position(xml, block.bbox());
            for (TextLines.Line line : TextLines.of(block)) {
                xml.writeStartElement(ALTO, "TextLine");
                xml.writeAttribute("ID", "line_" + number + "_" + ++lines);
                position(xml, line.bbox());
                Word previous = null;
                for (Word word : line.words()) {
                    if (previous != null) {
                        space(xml, previous, word);
                    }
                    xml.writeEmptyElement(ALTO, "String");
                    xml.writeAttribute("ID", "word_" + number + "_" + ++words);
                    position(xml, word.bbox());
                    attribute(xml, "WC", word.confidence());
                    xml.writeAttribute("CONTENT", WellFormedText.of(word.text()));
                    previous = word;
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** The gap between two words of a line, whichever way the line runs. */
    private static void space(XMLStreamWriter xml, Word before, Word after) throws XMLStreamException {
        int start = Math.min(before.bbox()[2], after.bbox()[2]);
        int end = Math.max(before.bbox()[0], after.bbox()[0]);
        xml.writeEmptyElement(ALTO, "SP");
        xml.writeAttribute("HPOS", Integer.toString(Math.min(start, end)));
        xml.writeAttribute("VPOS", Integer.toString(Math.min(before.bbox()[1], after.bbox()[1])));
        xml.writeAttribute("WIDTH", Integer.toString(Math.max(0, end - start)));
    }

    private static void position(XMLStreamWriter xml, int[] box) throws XMLStreamException {
        xml.writeAttribute("HPOS", Integer.toString(box[0]));
        xml.writeAttribute("VPOS", Integer.toString(box[1]));
        xml.writeAttribute("WIDTH", Integer.toString(box[2] - box[0]));
        xml.writeAttribute("HEIGHT", Integer.toString(box[3] - box[1]));
    }

    private static void attribute(XMLStreamWriter xml, String name, double confidence) {
        try {
            xml.writeAttribute(name, Double.toString(Math.max(0, Math.min(1, Math.round(confidence * 1000) / 1000.0))));
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void text(XMLStreamWriter xml, String tag, String text) throws XMLStreamException {
        xml.writeStartElement(ALTO, tag);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
