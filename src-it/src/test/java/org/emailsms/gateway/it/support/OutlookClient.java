package org.emailsms.gateway.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Speaks the Office Mobile Service protocol to the gateway as Outlook does: hand-written SOAP 1.1
 * over HTTPS, each parameter a whole XML document in a string. Every document the gateway answers
 * is validated against the project's own schemas of the protocol ({@code oms/*.xsd}).
 */
public final class OutlookClient {

    public static final String NS = "http://schemas.microsoft.com/office/Outlook/2006/OMS";
    private static final Schema ANSWERS = schema("oms/oms.xsd");
    private static final Schema SERVICE_INFO = schema("oms/serviceInfo.xsd");

    /** One error element of an answer: code, severity, content and the recipients it names. */
    public record OmsError(String code, String severity, String content, List<String> recipients) {
    }

    private final GatewayClient gateway;

    public OutlookClient(GatewayClient gateway) {
        this.gateway = gateway;
    }

    /** The document in {@code <operation>Result}, validated; {@code parameter} null for none. */
    public String call(String operation, String parameterName, String parameter) throws Exception {
        String body = parameter == null ? "<GetServiceInfo xmlns=\"" + NS + "\"/>"
                : "<" + operation + " xmlns=\"" + NS + "\"><" + parameterName + ">" + escape(parameter)
                + "</" + parameterName + "></" + operation + ">";
        return envelope(operation, "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + body + "</soap:Body></soap:Envelope>");
    }

    /** Posts an envelope written by the caller, and returns the validated document of its result. */
    public String envelope(String operation, String envelope) throws Exception {
        HttpResponse<String> response = gateway.postSoap(gateway.https("/ws/oms"), NS + "/" + operation, envelope);
        assertEquals(200, response.statusCode(), response.body());
        Document answer = parse(response.body());
        NodeList results = answer.getElementsByTagNameNS(NS, operation + "Result");
        assertEquals(1, results.getLength(), response.body());
        String document = results.item(0).getTextContent();
        Schema schema = document.contains("/OMS/serviceInfo") ? SERVICE_INFO : ANSWERS;
        schema.newValidator().validate(new StreamSource(new StringReader(document)));
        return document;
    }

    public String serviceInfo() throws Exception {
        return call("GetServiceInfo", null, null);
    }

    public String userInfo(String userId, String password) throws Exception {
        return call("GetUserInfo", "xmsUser", xmsUser(userId, password));
    }

    /** DeliverXms of one message; its answer's error elements. */
    public List<OmsError> deliver(String userId, String password, String sourceType, Instant scheduled,
                                  List<String> recipients, List<String> parts) throws Exception {
        return errors(call("DeliverXms", "xmsData", xmsData(userId, password, sourceType, scheduled, recipients, parts, null)));
    }

    public static String xmsUser(String userId, String password) {
        return "<?xml version=\"1.0\" encoding=\"utf-16\"?><xmsUser client=\"Microsoft Office Outlook 14.0\" xmlns=\"" + NS
                + "\"><userId>" + escape(userId) + "</userId><password>" + escape(password)
                + "</password><customData/></xmsUser>";
    }

    /** An xmsData as Outlook writes it; {@code id} only inside a batch. */
    public static String xmsData(String userId, String password, String sourceType, Instant scheduled,
                                 List<String> recipients, List<String> parts, String id) {
        StringBuilder xml = new StringBuilder("<xmsData client=\"Microsoft Office Outlook 14.0\"")
                .append(id == null ? "" : " id=\"" + id + "\"").append(id == null ? " xmlns=\"" + NS + "\"" : "")
                .append("><user><userId>").append(escape(userId)).append("</userId><password>").append(escape(password))
                .append("</password><customData/></user><xmsHead>");
        if (scheduled != null) {
            xml.append("<scheduled>").append(scheduled).append("</scheduled>");
        }
        xml.append("<requiredService>SMS_SENDER</requiredService>");
        if (sourceType != null) {
            xml.append("<sourceType>").append(sourceType).append("</sourceType>");
        }
        xml.append("<to>");
        recipients.forEach(r -> xml.append("<recipient>").append(escape(r)).append("</recipient>"));
        xml.append("</to></xmsHead><xmsBody format=\"SMS\">");
        for (int i = 0; i < parts.size(); i++) {
            xml.append("<content contentType=\"text/plain\" contentId=\"Att").append(i).append(".txt@0123456789abcdef\"")
                    .append(" contentLocation=\"").append(i + 1).append(".txt\">").append(escape(parts.get(i)))
                    .append("</content>");
        }
        return xml.append("</xmsBody></xmsData>").toString();
    }

    /** The error elements of an answer, in order. */
    public static List<OmsError> errors(String document) throws Exception {
        return errors(parse(document).getDocumentElement());
    }

    public static List<OmsError> errors(Element parent) {
        List<OmsError> errors = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element error && "error".equals(error.getLocalName())) {
                String recipients = text(error, "recipientList");
                errors.add(new OmsError(error.getAttribute("code"), error.getAttribute("severity"), text(error, "content"),
                        recipients == null ? List.of() : List.of(recipients.split(";"))));
            }
        }
        return errors;
    }

    public static String text(Element parent, String localName) {
        NodeList found = parent.getElementsByTagNameNS("*", localName);
        return found.getLength() == 0 ? null : found.item(0).getTextContent();
    }

    public static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Schema schema(String resource) {
        try {
            URL url = OutlookClient.class.getClassLoader().getResource(resource);
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            return factory.newSchema(url);
        } catch (org.xml.sax.SAXException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
