package org.emailsms.gateway.ws.message;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;

import com.sun.xml.ws.developer.SchemaValidation;

import org.emailsms.gateway.message.boundary.MessageService;
import org.emailsms.gateway.message.boundary.SendOptions;
import org.emailsms.gateway.platform.boundary.ErrorCode;
import org.emailsms.gateway.ws.platform.Boundary;
import org.emailsms.gateway.ws.platform.Calls;
import org.emailsms.gateway.ws.platform.GatewayFault;
import org.emailsms.gateway.ws.platform.Namespaces;

/**
 * Sending SMS and polling their status (seed 4.1 steps 3 to 6). Plain HTTP is allowed here, as
 * the seed has it: no password travels, only the activation serial.
 */
// Requests are checked against the WSDL's schema: an unknown or misspelt element is a fault, never silently ignored.
@SchemaValidation(outbound = false)
@WebService(name = "Messaging", serviceName = "MessageService", portName = "MessagePort",
        targetNamespace = Namespaces.V1)
public class MessageEndpoint {

    private final Boundary<MessageService> messageService = Boundary.of(MessageService.class);

    private MessageService messages() {
        return messageService.get();
    }

    @WebMethod
    @WebResult(name = "result")
    public List<RecipientOutcome> sendMessage(@WebParam(name = "serial") String serial,
                                              @WebParam(name = "recipient") List<String> recipients,
                                              @WebParam(name = "text") String text,
                                              @WebParam(name = "options") SendOptionsSpec options) throws GatewayFault {
        SendOptions how = options == null ? SendOptions.defaults()
                : new SendOptions(sendAt(options.sendAt), options.split,
                        options.confirmDelivery != null && options.confirmDelivery);
        return Calls.invoke(() -> messages().send(serial, recipients, text, how).stream()
                .map(RecipientOutcome::of).toList());
    }

    @WebMethod
    @WebResult(name = "status")
    public List<MessageStatusInfo> getStatus(@WebParam(name = "serial") String serial,
                                             @WebParam(name = "messageId") List<Long> messageIds) throws GatewayFault {
        return Calls.invoke(() -> messages().status(serial, messageIds).stream()
                .map(MessageStatusInfo::of).toList());
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
