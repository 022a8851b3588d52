package org.emailsms.gateway.ws.oms;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.emailsms.gateway.oms.boundary.OutlookUser;

/**
 * Writes the documents OMS answers with (serviceInfo, userInfo, xmsResponse, xmsResponses), each
 * element in the order of the protocol's schemas, as the strings the SOAP results carry.
 */
final class OmsAnswers {

    /** What GetServiceInfo tells Outlook of this service; Outlook then keeps to the limits. */
    record ServiceInfo(String provider, String serviceUri, String signUpPage, int targetLocale, String localName,
                       String englishName, int maxRecipients, int maxParts, int maxSingleByte, int maxDoubleByte) {
    }

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    @FunctionalInterface
    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private OmsAnswers() {
    }

    static String serviceInfo(ServiceInfo info) {
        return document("serviceInfo", OmsDocuments.SERVICE_INFO_NS, xml -> {
            element(xml, "serviceProvider", info.provider());
            element(xml, "serviceUri", info.serviceUri());
            element(xml, "signUpPage", info.signUpPage());
            element(xml, "targetLocale", Integer.toString(info.targetLocale()));
            element(xml, "localName", info.localName());
            element(xml, "englishName", info.englishName());
            element(xml, "authenticationType", "Other");
            xml.writeStartElement("supportedService");
            xml.writeEmptyElement("SMS_SENDER");
            xml.writeAttribute("maxRecipientsPerMessage", Integer.toString(info.maxRecipients()));
            xml.writeAttribute("maxMessagesPerSend", Integer.toString(info.maxParts()));
            xml.writeAttribute("maxSbcsPerMessage", Integer.toString(info.maxSingleByte()));
            xml.writeAttribute("maxDbcsPerMessage", Integer.toString(info.maxDoubleByte()));
            xml.writeEndElement();
        });
    }

    static String userInfo(OutlookUser user) {
        return document("userInfo", OmsDocuments.NS, xml -> {
            if (user.mobile() != null) {
                element(xml, "replyPhone", user.mobile());
            }
            element(xml, "smtpAddress", user.email());
            error(xml, OmsError.ok());
        });
    }

    static String userInfo(OmsError error) {
        return document("userInfo", OmsDocuments.NS, xml -> error(xml, error));
    }

    static String xmsResponse(List<OmsError> errors) {
        return document("xmsResponse", OmsDocuments.NS, xml -> {
            for (OmsError error : errors) {
                error(xml, error);
            }
        });
    }

    /** One xmsResponse per message of the batch, each with the id the message had. */
    static String xmsResponses(List<Map.Entry<String, List<OmsError>>> answers) {
        return document("xmsResponses", OmsDocuments.NS, xml -> {
            for (Map.Entry<String, List<OmsError>> answer : answers) {
                xml.writeStartElement("xmsResponse");
                if (answer.getKey() != null) {
                    xml.writeAttribute("id", answer.getKey());
                }
                for (OmsError error : answer.getValue()) {
                    error(xml, error);
                }
                xml.writeEndElement();
            }
        });
    }

    private static void error(XMLStreamWriter xml, OmsError error) throws XMLStreamException {
        boolean empty = error.content() == null && error.recipients().isEmpty();
        if (empty) {
            xml.writeEmptyElement("error");
        } else {
            xml.writeStartElement("error");
        }
        xml.writeAttribute("code", error.code());
        xml.writeAttribute("severity", error.severity());
        if (!empty) {
            if (error.content() != null) {
                element(xml, "content", error.content());
            }
            if (!error.recipients().isEmpty()) {
                element(xml, "recipientList", String.join(";", error.recipients()));
            }
            xml.writeEndElement();
        }
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text == null ? "" : text);
        xml.writeEndElement();
    }

    private static String document(String root, String namespace, Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out);
            xml.setDefaultNamespace(namespace);
            xml.writeStartElement(namespace, root);
            xml.writeDefaultNamespace(namespace);
            body.write(xml);
            xml.writeEndElement();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the " + root + " document", e);
        }
        return out.toString();
    }
}
