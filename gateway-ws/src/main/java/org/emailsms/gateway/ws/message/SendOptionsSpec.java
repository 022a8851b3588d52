package org.emailsms.gateway.ws.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

/**
 * How to send. {@code sendAt} is an ISO-8601 instant such as 2026-12-01T09:00:00Z (absent: now);
 * {@code split} absent follows the company's setting; {@code confirmDelivery} asks for a handset
 * delivery confirmation; {@code requestId}, the client's own id for the request (1 to 64 printable
 * ASCII characters, such as a UUID), makes sending again safe: the same id within two days gets the
 * first answer and sends nothing; {@code compress} sends the text through the sender's compression
 * dictionaries (the user's own words, then the company's) and says in the answer what that saved.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "SendOptions", propOrder = {"sendAt", "split", "confirmDelivery", "requestId", "compress"})
public class SendOptionsSpec {

    String sendAt;
    Boolean split;
    Boolean confirmDelivery;
    String requestId;
    Boolean compress;
}
