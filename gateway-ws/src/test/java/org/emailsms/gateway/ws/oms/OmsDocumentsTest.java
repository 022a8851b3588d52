package org.emailsms.gateway.ws.oms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.emailsms.gateway.ws.oms.OmsDocuments.UnreadableDocumentException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class OmsDocumentsTest {

    @Test
    void readsADocumentThatDeclaresUtf16ThoughItIsAStringAndFindsElementsInAnyNamespaceAndOrder() throws Exception {
        Element data = OmsDocuments.parse("""
                <?xml version="1.0" encoding="utf-16"?>
                <xmsData client="Microsoft Office Outlook 12.0" xmlns="http://schemas.microsoft.com/office/Outlook/2006/OMS">
                  <xmsHead><to><recipient>+61412345678</recipient></to><requiredService>SMS_SENDER</requiredService></xmsHead>
                  <user><password>pw</password><userId>alice</userId></user>
                </xmsData>""", "xmsData");

        Element user = OmsDocuments.child(data, "user").orElseThrow();
        assertEquals("alice", OmsDocuments.text(user, "userId"));
        assertEquals("SMS_SENDER", OmsDocuments.text(OmsDocuments.child(data, "xmsHead").orElseThrow(), "requiredService"));
        assertEquals("alice", OmsDocuments.text(OmsDocuments.parse("<xmsUser><userId>alice</userId></xmsUser>", "xmsUser"),
                "userId"), "without a namespace too");
    }

    @Test
    void refusesDoctypesEntitiesMalformedAndOversizedDocuments() {
        String entities = """
                <?xml version="1.0"?>
                <!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
                <xmsUser><userId>&lol2;</userId></xmsUser>""";
        assertThrows(UnreadableDocumentException.class, () -> OmsDocuments.parse(entities, "xmsUser"));
        assertThrows(UnreadableDocumentException.class, () -> OmsDocuments.parse("<xmsUser><userId>", "xmsUser"));
        assertThrows(UnreadableDocumentException.class, () -> OmsDocuments.parse("", "xmsUser"));
        String huge = "<xmsUser><userId>" + "a".repeat(OmsDocuments.MAX_CHARS) + "</userId></xmsUser>";
        UnreadableDocumentException tooLarge = assertThrows(UnreadableDocumentException.class,
                () -> OmsDocuments.parse(huge, "xmsUser"));
        assertTrue(tooLarge.getMessage().contains("larger than"), tooLarge.getMessage());
    }

    @Test
    void writesAnswersInTheSchemasOrderWithRecipientsSeparatedBySemicolons() {
        String answer = OmsAnswers.xmsResponse(List.of(OmsError.failure("perDayMsgLimit", "20 SMS",
                List.of("13601391354", "13601391388"))));

        assertEquals("<xmsResponse xmlns=\"http://schemas.microsoft.com/office/Outlook/2006/OMS\">"
                + "<error code=\"perDayMsgLimit\" severity=\"failure\"><content>20 SMS</content>"
                + "<recipientList>13601391354;13601391388</recipientList></error></xmsResponse>", answer);
        assertEquals("<xmsResponse xmlns=\"http://schemas.microsoft.com/office/Outlook/2006/OMS\">"
                + "<error code=\"ok\" severity=\"neutral\"/></xmsResponse>", OmsAnswers.xmsResponse(List.of(OmsError.ok())));
    }
}
