package org.emailsms.gateway.ws.oms;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads the XML documents that OMS carries as strings (xmsUser, xmsData, xmsBatch), as tolerantly as
 * real clients need and as strictly as hostile input demands: the declared encoding is ignored
 * (clients declare utf-16 in what is already a string), elements are found by local name in any
 * namespace and any order, and no DTD, entity or document over 1 MB is accepted.
 */
final class OmsDocuments {

    static final String NS = "http://schemas.microsoft.com/office/Outlook/2006/OMS";
    static final String SERVICE_INFO_NS = NS + "/serviceInfo";
    static final int MAX_CHARS = 1_000_000;

    private static final Pattern DECLARATION = Pattern.compile("^\\uFEFF?\\s*<\\?xml[^>]*\\?>");

    /** The document is not one the gateway can read; the message says why, for the client. */
    static final class UnreadableDocumentException extends Exception {

        private static final long serialVersionUID = 1L;

        UnreadableDocumentException(String message) {
            super(message);
        }
    }

    private OmsDocuments() {
    }

    /** The root element of a document given as a string. */
    static Element parse(String document, String what) throws UnreadableDocumentException {
        if (document == null || document.isBlank()) {
            throw new UnreadableDocumentException("The " + what + " document is missing.");
        }
        if (document.length() > MAX_CHARS) {
            throw new UnreadableDocumentException("The " + what + " document is larger than " + MAX_CHARS + " characters.");
        }
        String withoutDeclaration = DECLARATION.matcher(document).replaceFirst("");
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // A warning does not make the document unreadable.
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new InputSource(new StringReader(withoutDeclaration))).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new UnreadableDocumentException("The " + what + " document is not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be configured securely", e);
        }
    }

    static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    static Optional<Element> child(Element parent, String localName) {
        return children(parent, localName).stream().findFirst();
    }

    /** Child elements with this local name, in any namespace (or none), in document order. */
    static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(localNameOf(element))) {
                found.add(element);
            }
        }
        return found;
    }

    /** The first child element of any name, such as the parameter of a SOAP operation. */
    static Optional<Element> firstChild(Element parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    /** The stripped text of a child element, or null when it is absent or empty. */
    static String text(Element parent, String localName) {
        return child(parent, localName).map(Element::getTextContent).map(String::strip).filter(t -> !t.isEmpty())
                .orElse(null);
    }

    static String localNameOf(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    }
}
