package com.ocrchat.testing;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;

/**
 * The published ALTO 4.4 schema (resources/schemas, with its licence and SOURCES), its XLink import
 * served locally so validation never reaches the network.
 */
public final class AltoSchema {
    public static final String NAMESPACE = "http://www.loc.gov/standards/alto/ns-v4#";
    private static final String XLINK_LOCATION = "http://www.loc.gov/standards/xlink/xlink.xsd";
    private static final Schema SCHEMA = load();

    private AltoSchema() {}

    /** Throws {@link SAXException} naming the first place the document breaks the schema. */
    public static void validate(byte[] alto) throws java.io.IOException, SAXException {
        var validator = SCHEMA.newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.validate(new StreamSource(new ByteArrayInputStream(alto)));
    }

    /** A namespace-aware DOM of an XML export; external DTDs (hOCR names XHTML's) are not fetched. */
    public static org.w3c.dom.Document parse(byte[] xml) {
        try {
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (javax.xml.parsers.ParserConfigurationException | SAXException | java.io.IOException e) {
            throw new IllegalStateException("Not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static Schema load() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
                if (!XLINK_LOCATION.equals(systemId)) {
                    throw new IllegalStateException("The schema asked for " + systemId);
                }
                return new LocalInput(systemId, resource("xlink.xsd"));
            });
            return factory.newSchema(new StreamSource(resource("alto-4-4.xsd"), "alto-4-4.xsd"));
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream resource(String name) {
        return AltoSchema.class.getResourceAsStream("/schemas/" + name);
    }

    private record LocalInput(String systemId, InputStream stream) implements LSInput {
        @Override
        public java.io.Reader getCharacterStream() {
            return null;
        }

        @Override
        public void setCharacterStream(java.io.Reader reader) {}

        @Override
        public InputStream getByteStream() {
            return stream;
        }

        @Override
        public void setByteStream(InputStream input) {}

        @Override
        public String getStringData() {
            return null;
        }

        @Override
        public void setStringData(String data) {}

        @Override
        public String getSystemId() {
            return systemId;
        }

        @Override
        public void setSystemId(String id) {}

        @Override
        public String getPublicId() {
            return null;
        }

        @Override
        public void setPublicId(String id) {}

        @Override
        public String getBaseURI() {
            return null;
        }

        @Override
        public void setBaseURI(String uri) {}

        @Override
        public String getEncoding() {
            return null;
        }

        @Override
        public void setEncoding(String encoding) {}

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCertifiedText(boolean certified) {}
    }
}
