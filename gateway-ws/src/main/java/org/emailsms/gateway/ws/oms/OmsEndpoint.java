package org.emailsms.gateway.ws.oms;

import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.stream.StreamSource;

import jakarta.annotation.Resource;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.WebServiceProvider;
import jakarta.xml.ws.handler.MessageContext;

import org.emailsms.gateway.message.boundary.RecipientResult;
import org.emailsms.gateway.oms.boundary.BatchSignIns;
import org.emailsms.gateway.oms.boundary.OmsService;
import org.emailsms.gateway.oms.boundary.OutlookMessage;
import org.emailsms.gateway.oms.control.OmsSettings;
import org.emailsms.gateway.platform.boundary.GatewayException;
import org.emailsms.gateway.ws.oms.OmsAnswers.ServiceInfo;
import org.emailsms.gateway.ws.oms.OmsDocuments.UnreadableDocumentException;
import org.emailsms.gateway.ws.platform.Boundary;
import org.emailsms.gateway.ws.platform.Callers;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Outlook's own text messaging (the Office Mobile Service protocol) at {@code /ws/oms}, HTTPS only:
 * GetServiceInfo, GetUserInfo, DeliverXms, SendXms (its older name) and DeliverXmsBatch. The
 * endpoint takes the SOAP body as XML and dispatches on its element, not on SOAPAction, and reads the
 * parameter whether its element is namespace-qualified or not and whatever {@code xsi:type} it
 * carries, as the protocol's clients differ in these. Business refusals are answers with OMS error
 * codes, never SOAP faults; a body that is no OMS operation is a fault.
 */
@WebServiceProvider(serviceName = "OMSService", portName = "OMSServiceSoap", targetNamespace = OmsDocuments.NS,
        wsdlLocation = "WEB-INF/wsdl/oms.wsdl")
@ServiceMode(Service.Mode.PAYLOAD)
public class OmsEndpoint implements Provider<Source> {

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    @Resource
    WebServiceContext context;

    private final Boundary<OmsService> service = Boundary.of(OmsService.class);
    private final Boundary<OmsSettings> settings = Boundary.of(OmsSettings.class);

    @Override
    public Source invoke(Source request) {
        Element operation = payload(request);
        String name = OmsDocuments.localNameOf(operation);
        String parameter = OmsDocuments.firstChild(operation).map(Element::getTextContent).orElse(null);
        String result = switch (name) {
            case "GetServiceInfo" -> serviceInfo();
            case "GetUserInfo" -> userInfo(parameter);
            case "DeliverXms", "SendXms" -> OmsAnswers.xmsResponse(deliver(parameter));
            case "DeliverXmsBatch" -> deliverBatch(parameter);
            default -> throw new WebServiceException("'" + name + "' is no operation of the Office Mobile Service.");
        };
        return answer(name, result);
    }

    private String serviceInfo() {
        OmsSettings omsSettings = settings.get();
        String serviceUri = omsSettings.serviceUri().orElseGet(this::requestUri);
        String signUp = omsSettings.signUpPage().orElseGet(() -> URI.create(serviceUri).resolve("/").toString());
        return OmsAnswers.serviceInfo(new ServiceInfo(omsSettings.providerName(), serviceUri, signUp,
                omsSettings.targetLocale(), omsSettings.localName(), omsSettings.englishName(), omsSettings.maxRecipients(), OmsSettings.MAX_PARTS,
                160, 70));
    }

    private String userInfo(String xmsUser) {
        try {
            Element user = OmsDocuments.parse(xmsUser, "xmsUser");
            return OmsAnswers.userInfo(service.get().userInfo(OmsDocuments.text(user, "userId"),
                    OmsDocuments.text(user, "password"), Callers.clientIp(context)));
        } catch (UnreadableDocumentException e) {
            return OmsAnswers.userInfo(OmsError.failure("other", e.getMessage()));
        } catch (GatewayException refused) {
            return OmsAnswers.userInfo(OmsCodes.of(refused, List.of()));
        } catch (RuntimeException e) {
            return OmsAnswers.userInfo(OmsCodes.internal(e, List.of()));
        }
    }

    private List<OmsError> deliver(String xmsData) {
        try {
            return deliver(OmsDocuments.parse(xmsData, "xmsData"));
        } catch (UnreadableDocumentException e) {
            return List.of(OmsError.failure("other", e.getMessage()));
        }
    }

    private List<OmsError> deliver(Element data) {
        return deliver(data, null);
    }

    /** One message, alone ({@code batch} null) or as part of a batch whose sign-ins it shares. */
    private List<OmsError> deliver(Element data, BatchSignIns batch) {
        Element user = OmsDocuments.child(data, "user").orElse(null);
        Element head = OmsDocuments.child(data, "xmsHead").orElse(null);
        Element body = OmsDocuments.child(data, "xmsBody").orElse(null);
        List<String> recipients = new ArrayList<>();
        OmsDocuments.child(head, "to").ifPresent(to -> OmsDocuments.children(to, "recipient")
                .forEach(r -> recipients.add(r.getTextContent().strip())));
        List<String> parts = OmsDocuments.children(body, "content").stream().map(Element::getTextContent).toList();
        String format = body == null ? "SMS" : body.getAttribute("format");
        try {
            String requiredService = "MMS".equalsIgnoreCase(format) ? "MMS_SENDER" : OmsDocuments.text(head, "requiredService");
            OutlookMessage message = new OutlookMessage(OmsDocuments.text(user, "userId"),
                    OmsDocuments.text(user, "password"), requiredService, OmsDocuments.text(head, "sourceType"),
                    scheduled(OmsDocuments.text(head, "scheduled")), recipients, parts);
            List<RecipientResult> results = batch == null
                    ? service.get().deliver(message, Callers.clientIp(context))
                    : service.get().deliver(message, Callers.clientIp(context), batch);
            return OmsCodes.of(results);
        } catch (GatewayException refused) {
            return List.of(OmsCodes.of(refused, recipients));
        } catch (DateTimeParseException e) {
            return List.of(OmsError.failure("other", "The scheduled time is not an ISO-8601 time such as "
                    + "2026-12-01T09:00:00Z.", recipients));
        } catch (RuntimeException e) {
            return List.of(OmsCodes.internal(e, recipients));
        }
    }

    /**
     * Each message of the batch on its own, answered under the id it came with; the sign-ins are
     * shared (each user checked once, none after a refusal), and messages past the advertised
     * {@code maxMessagesPerSend} are answered with the protocol's limit error, not sent.
     */
    private String deliverBatch(String packageXml) {
        Element batch;
        try {
            batch = OmsDocuments.parse(packageXml, "xmsBatch");
        } catch (UnreadableDocumentException e) {
            return OmsAnswers.xmsResponses(List.of(Map.entry("0", List.of(OmsError.failure("other", e.getMessage())))));
        }
        BatchSignIns signIns = new BatchSignIns();
        List<Map.Entry<String, List<OmsError>>> answers = new ArrayList<>();
        for (Element data : OmsDocuments.children(batch, "xmsData")) {
            String id = data.hasAttribute("id") ? data.getAttribute("id") : null;
            List<OmsError> answer = answers.size() < OmsSettings.MAX_PARTS ? deliver(data, signIns)
                    : List.of(OmsError.failure("other", "A batch may hold at most " + OmsSettings.MAX_PARTS
                    + " messages (maxMessagesPerSend): this one was not sent."));
            answers.add(new AbstractMap.SimpleEntry<>(id, answer));
        }
        return OmsAnswers.xmsResponses(answers);
    }

    private static Instant scheduled(String value) {
        return value == null ? null : Instant.parse(value);
    }

    /** The address Outlook called, for the serviceUri when none is configured. */
    private String requestUri() {
        Object request = context.getMessageContext().get(MessageContext.SERVLET_REQUEST);
        return request instanceof HttpServletRequest http ? http.getRequestURL().toString() : "https://localhost/ws/oms";
    }

    /** The SOAP body's element, whatever form of XML source Metro hands over. */
    private static Element payload(Source request) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DOMResult result = new DOMResult(OmsDocuments.factory().newDocumentBuilder().newDocument());
            factory.newTransformer().transform(request, result);
            Node node = result.getNode();
            Element root = node instanceof Document document ? document.getDocumentElement() : (Element) node;
            if (root == null) {
                throw new WebServiceException("The SOAP body is empty.");
            }
            return root;
        } catch (TransformerException | javax.xml.parsers.ParserConfigurationException e) {
            throw new WebServiceException("The SOAP body cannot be read: " + e.getMessage(), e);
        }
    }

    /** {@code <NameResponse><NameResult>document</NameResult></NameResponse>} in the OMS namespace. */
    private static Source answer(String operation, String document) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out);
            xml.setDefaultNamespace(OmsDocuments.NS);
            xml.writeStartElement(OmsDocuments.NS, operation + "Response");
            xml.writeDefaultNamespace(OmsDocuments.NS);
            xml.writeStartElement(OmsDocuments.NS, operation + "Result");
            xml.writeCharacters(document);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.close();
        } catch (XMLStreamException e) {
            throw new WebServiceException("cannot write the answer", e);
        }
        return new StreamSource(new StringReader(out.toString()));
    }
}
