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
}
