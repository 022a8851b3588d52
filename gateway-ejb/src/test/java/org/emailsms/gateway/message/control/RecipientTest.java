package org.emailsms.gateway.message.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RecipientTest {

    @Test
    void aBareNumberHasNoName() {
        assertEquals(new Recipient(null, "0412 345 678"), Recipient.parse("0412 345 678"));
    }

    @Test
    void readsTheNameAndNumberOfAContactAsMailClientsWriteIt() {
        assertEquals(new Recipient("Jane Doe", "+61 412 345 678"), Recipient.parse("\"Jane Doe\" <+61 412 345 678>"));
        assertEquals(new Recipient("Jane Doe", "0412345678"), Recipient.parse("Jane Doe <0412345678>"));
        assertEquals(new Recipient(null, "0412345678"), Recipient.parse("<0412345678>"));
    }

    @Test
    void cutsOverlongNames() {
        assertEquals(Recipient.MAX_NAME_LENGTH, Recipient.parse("x".repeat(500) + " <0412345678>").name().length());
    }
}
