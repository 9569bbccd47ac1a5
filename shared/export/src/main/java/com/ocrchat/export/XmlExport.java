package com.ocrchat.export;

import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes an XML export with the JDK's streaming writer, which escapes text and attributes. */
final class XmlExport {
    private XmlExport() {}

    interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    static byte[] write(String doctype, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            if (doctype != null) {
                xml.writeDTD(doctype);
                xml.writeCharacters("\n");
            }
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing XML to memory failed", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** Text safe for XML 1.0: characters it cannot carry (controls, lone surrogates) become U+FFFD. */
    static String xmlSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean allowed = c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF);
            safe.appendCodePoint(allowed ? c : 0xFFFD);
            i += Character.charCount(c);
        }
        return safe.toString();
    }
}
