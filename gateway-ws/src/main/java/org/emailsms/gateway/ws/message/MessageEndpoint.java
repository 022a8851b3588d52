package org.emailsms.gateway.ws.message;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.Resource;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;

import com.sun.xml.ws.developer.SchemaValidation;

import org.eclipse.microprofile.config.ConfigProvider;
import org.emailsms.gateway.message.boundary.DictionaryService;
import org.emailsms.gateway.history.boundary.MessageHistory;
import org.emailsms.gateway.account.boundary.ActivationService;
import org.emailsms.gateway.message.boundary.MessageService;
import org.emailsms.gateway.platform.boundary.HttpHardeningFilter;
import org.emailsms.gateway.message.boundary.SendOptions;
import org.emailsms.gateway.platform.boundary.ErrorCode;
import org.emailsms.gateway.ws.platform.Boundary;
import org.emailsms.gateway.ws.platform.GatewayFault;
import org.emailsms.gateway.ws.platform.Namespaces;
import org.emailsms.gateway.ws.platform.SerialCalls;

/**
 * Sending SMS and polling their status, over HTTPS only by default: the activation serial every
 * call carries is as good as the password for sending. A serial that arrives over plain HTTP is
 * refused and revoked, since whoever watched the network has it now. {@code
 * gateway.message.require-https=false} lets plain HTTP through for old add-ins that cannot use
 * HTTPS, at the risk of their serials being read on the way.
 */
// Requests are checked against the WSDL's schema: an unknown or misspelt element is a fault, never silently ignored.
@SchemaValidation(outbound = false)
@WebService(name = "Messaging", serviceName = "MessageService", portName = "MessagePort",
        targetNamespace = Namespaces.V1)
public class MessageEndpoint {

    @Resource
    WebServiceContext context;

    private final Boundary<MessageService> messageService = Boundary.of(MessageService.class);
    private final Boundary<MessageHistory> messageHistory = Boundary.of(MessageHistory.class);
    private final Boundary<DictionaryService> dictionaryService = Boundary.of(DictionaryService.class);
    private final Boundary<ActivationService> activations = Boundary.of(ActivationService.class);

    private final boolean requireHttps = ConfigProvider.getConfig()
            .getOptionalValue("gateway.message.require-https", Boolean.class).orElse(true);

    private MessageService messages() {
        return messageService.get();
    }

    private MessageHistory history() {
        return messageHistory.get();
    }

    private DictionaryService dictionaries() {
        return dictionaryService.get();
    }

    @WebMethod
    @WebResult(name = "result")
    public List<RecipientOutcome> sendMessage(@WebParam(name = "serial") String serial,
                                              @WebParam(name = "recipient") List<String> recipients,
                                              @WebParam(name = "text") String text,
                                              @WebParam(name = "options") SendOptionsSpec options) throws GatewayFault {
        SendOptions how = options == null ? SendOptions.defaults()
                : new SendOptions(sendAt(options.sendAt), options.split,
                        options.confirmDelivery != null && options.confirmDelivery, options.requestId)
                        .compressed(Boolean.TRUE.equals(options.compress));
        requireTransport(serial);
        return SerialCalls.invoke(context, () -> messages().send(serial, recipients, text, how).stream()
                .map(RecipientOutcome::of).toList());
    }

    /**
     * What a text would take (encoding, characters, segments, room left), without sending it;
     * {@code compress} shows it through the caller's compression dictionaries.
     */
    @WebMethod
    @WebResult(name = "preview")
    public MessagePreviewInfo previewMessage(@WebParam(name = "serial") String serial,
                                             @WebParam(name = "text") String text,
                                             @WebParam(name = "compress") Boolean compress) throws GatewayFault {
        requireTransport(serial);
        return SerialCalls.invoke(context, () -> MessagePreviewInfo.of(messages().preview(serial, text,
                Boolean.TRUE.equals(compress))));
    }

    /**
     * The caller's activity for a local log, oldest first: each message whenever its status changed,
     * and each reply. {@code since} is the {@code next} of the page before (or an ISO-8601 instant,
     * or empty for the beginning); {@code max} 1 to 500.
     */
    @WebMethod
    @WebResult(name = "history")
    public HistoryPageInfo getHistory(@WebParam(name = "serial") String serial,
                                      @WebParam(name = "since") String since,
                                      @WebParam(name = "max") int max) throws GatewayFault {
        requireTransport(serial);
        return SerialCalls.invoke(context, () -> HistoryPageInfo.of(history().page(serial, since, max)));
    }

    /** The compression dictionary the caller's texts go through: the company's words and the caller's own. */
    @WebMethod
    @WebResult(name = "word")
    public List<DictionaryWordInfo> getDictionary(@WebParam(name = "serial") String serial) throws GatewayFault {
        requireTransport(serial);
        return SerialCalls.invoke(context, () -> dictionaries().words(serial).stream().map(DictionaryWordInfo::of).toList());
    }

    /** Adds a word to the caller's own dictionary, or gives it a new replacement; the caller's words go before the company's. */
    @WebMethod
    @WebResult(name = "word")
    public DictionaryWordInfo addDictionaryWord(@WebParam(name = "serial") String serial,
                                                @WebParam(name = "word") String word,
                                                @WebParam(name = "replacement") String replacement) throws GatewayFault {
        requireTransport(serial);
        return SerialCalls.invoke(context, () -> DictionaryWordInfo.of(dictionaries().addWord(serial, word, replacement)));
    }

    /** Removes a word from the caller's own dictionary; false when it held none. */
    @WebMethod
    @WebResult(name = "removed")
    public boolean removeDictionaryWord(@WebParam(name = "serial") String serial,
                                        @WebParam(name = "word") String word) throws GatewayFault {
        requireTransport(serial);
        return SerialCalls.invoke(context, () -> dictionaries().removeWord(serial, word));
    }

    @WebMethod
    @WebResult(name = "status")
    public List<MessageStatusInfo> getStatus(@WebParam(name = "serial") String serial,
                                             @WebParam(name = "messageId") List<Long> messageIds) throws GatewayFault {
        requireTransport(serial);
        return SerialCalls.invoke(context, () -> messages().status(serial, messageIds).stream()
                .map(MessageStatusInfo::of).toList());
    }

    private void requireTransport(String serial) throws GatewayFault {
        if (requireHttps && context.getMessageContext().get(MessageContext.SERVLET_REQUEST) instanceof HttpServletRequest http
                && !HttpHardeningFilter.cameOverHttps(http)) {
            boolean revoked = activations.get().revokeExposed(serial);
            throw new GatewayFault(ErrorCode.NOT_AUTHORIZED, "This gateway takes messages over HTTPS only"
                    + (revoked ? ". The serial crossed the network unencrypted and has been revoked: activate the add-in "
                    + "again, and have it use the gateway's https:// address." : "."));
        }
    }

    private static Instant sendAt(String value) throws GatewayFault {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new GatewayFault(ErrorCode.INVALID_REQUEST,
                    "'" + value + "' is not an ISO-8601 instant such as 2026-12-01T09:00:00Z.");
        }
    }
}
