package org.emailsms.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.emailsms.client.soap.message.HistoryEntry;
import org.emailsms.client.soap.message.HistoryPage;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The XML activity log ({@value #NAMESPACE}, schema {@link #SCHEMA}): each message with the
 * statuses it reached and when, each reply. A run adds only what is new since the log's
 * {@code next} cursor, so running it again duplicates nothing. Every write is checked against the
 * schema and replaces the file at once.
 */
public final class ActivityLog {

    public static final String NAMESPACE = "urn:emailsms:client:activity-log:v1";
    /** The schema, in this jar. */
    public static final String SCHEMA = "/org/emailsms/client/activity-log.xsd";
    private static final int PAGE = 200;

    private final Path file;
    private final Document document;
    private final Element root;
    private final Map<String, Element> messages = new HashMap<>();
    private final Map<String, Element> replies = new HashMap<>();

    private ActivityLog(Path file, Document document) {
        this.file = file;
        this.document = document;
        this.root = document.getDocumentElement();
        dropIndentation(root);
        index("message", messages);
        index("reply", replies);
    }

    /** The log in {@code file}, or a new one for this server and user. */
    public static ActivityLog open(Path file, String server, String user) {
        try {
            DocumentBuilder builder = builder();
            if (Files.exists(file)) {
                return new ActivityLog(file, builder.parse(file.toFile()));
            }
            Document document = builder.newDocument();
            Element root = document.createElementNS(NAMESPACE, "activity");
            // Declared as an attribute, as a parsed log has it: otherwise the serialiser puts it last in
            // a new log and first in one read back, and rewriting an unchanged log would change it.
            root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", NAMESPACE);
            root.setAttribute("server", server);
            root.setAttribute("user", user);
            document.appendChild(root);
            return new ActivityLog(file, document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the activity log " + file, e);
        } catch (SAXException e) {
            throw new IllegalStateException("The activity log " + file + " is not XML the client wrote: " + e.getMessage(), e);
        }
    }

    /** Where the next run continues: the gateway's cursor after the last entry logged. */
    public String next() {
        return root.hasAttribute("next") ? root.getAttribute("next") : null;
    }

    /** Asks the gateway for everything since the log's cursor and adds it; returns how many entries were added. */
    public int update(SmsGateway gateway, String serial) throws GatewayException {
        int added = 0;
        HistoryPage page;
        do {
            page = gateway.history(serial, next(), PAGE);
            for (HistoryEntry entry : page.getEntry()) {
                added += add(entry);
            }
            root.setAttribute("next", page.getNext());
        } while (page.isMore());
        save();
        return added;
    }

    /** One history entry into the log; 0 when the log had it already. */
    int add(HistoryEntry entry) {
        String id = Long.toString(entry.getId());
        if ("REPLY".equals(entry.getKind())) {
            if (replies.containsKey(id)) {
                return 0;
            }
            Element reply = element("reply");
            reply.setAttribute("id", id);
            if (entry.getMessageId() != null) {
                reply.setAttribute("message", entry.getMessageId().toString());
            }
            reply.setAttribute("from", entry.getNumber());
            reply.setAttribute("received", entry.getAt());
            reply.appendChild(text(entry.getText()));
            root.appendChild(reply);
            replies.put(id, reply);
            return 1;
        }
        Element message = messages.get(id);
        int added = 0;
        if (message == null) {
            message = element("message");
            message.setAttribute("id", id);
            message.setAttribute("to", entry.getNumber());
            if (entry.getContactName() != null) {
                message.setAttribute("name", entry.getContactName());
            }
            message.setAttribute("source", entry.getSource());
            message.setAttribute("created", entry.getCreatedAt());
            message.appendChild(text(entry.getText()));
            root.appendChild(message);
            messages.put(id, message);
            added = 1;
            // First seen later than accepted: what it went through before, as far as the gateway's times tell.
            if (!"PENDING".equals(entry.getStatus()) && !"SCHEDULED".equals(entry.getStatus())) {
                status(message, "PENDING", entry.getCreatedAt(), null);
            }
            if (entry.getSubmittedAt() != null && !"OK".equals(entry.getStatus())) {
                status(message, "OK", entry.getSubmittedAt(), null);
            }
        }
        NodeList statuses = message.getElementsByTagNameNS(NAMESPACE, "status");
        Element last = statuses.getLength() == 0 ? null : (Element) statuses.item(statuses.getLength() - 1);
        if (last == null || !last.getAttribute("value").equals(entry.getStatus())) {
            status(message, entry.getStatus(), entry.getAt(), entry.getLastError());
            added = 1;
        }
        return added;
    }

    private void status(Element message, String value, String at, String error) {
        Element status = element("status");
        status.setAttribute("value", value);
        status.setAttribute("at", at);
        if (error != null && ("FAIL".equals(value) || "ABORT".equals(value))) {
            status.setAttribute("error", error);
        }
        message.appendChild(status);
    }

    private Element text(String content) {
        Element text = element("text");
        text.setTextContent(content == null ? "" : content);
        return text;
    }

    private Element element(String name) {
        return document.createElementNS(NAMESPACE, name);
    }

    // The indentation written last time, so that writing indents afresh instead of adding to it.
    private static void dropIndentation(Element element) {
        if ("text".equals(element.getLocalName())) {
            return;
        }
        NodeList children = element.getChildNodes();
        for (int i = children.getLength() - 1; i >= 0; i--) {
            Node child = children.item(i);
            if (child.getNodeType() == Node.TEXT_NODE && child.getTextContent().isBlank()) {
                element.removeChild(child);
            } else if (child instanceof Element nested) {
                dropIndentation(nested);
            }
        }
    }

    private void index(String name, Map<String, Element> byId) {
        NodeList nodes = root.getElementsByTagNameNS(NAMESPACE, name);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element element = (Element) nodes.item(i);
            byId.put(element.getAttribute("id"), element);
        }
    }

    // Package-private for the tests, which add entries without a gateway.
    void save() {
        try {
            schema().newValidator().validate(new DOMSource(document));
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path next = Files.createTempFile(directory, file.getFileName().toString(), ".new");
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            transformer.transform(new DOMSource(document), new StreamResult(next.toFile()));
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the activity log " + file, e);
        } catch (SAXException | TransformerException e) {
            throw new IllegalStateException("The activity log would not be valid: " + e.getMessage(), e);
        }
    }

    /** The log's schema, from this jar. */
    public static Schema schema() throws SAXException {
        URL schema = ActivityLog.class.getResource(SCHEMA);
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(schema);
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
