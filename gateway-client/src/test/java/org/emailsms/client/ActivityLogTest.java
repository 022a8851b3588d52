package org.emailsms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.transform.stream.StreamSource;

import org.emailsms.client.soap.message.HistoryEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;

class ActivityLogTest {

    @Test
    void aMessageIsLoggedOnceWithEachNewStatusAndAReplyOnce(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("activity.xml");
        ActivityLog cut = ActivityLog.open(file, "https://sms.example.com", "alice");

        assertEquals(1, cut.add(message(7, "PENDING", "2026-12-03T10:00:00Z")));
        assertEquals(0, cut.add(message(7, "PENDING", "2026-12-03T10:00:00Z")), "the same status again");
        assertEquals(1, cut.add(message(7, "DELIVERED", "2026-12-03T10:00:05Z")));
        assertEquals(1, cut.add(reply(9, 7)));
        assertEquals(0, cut.add(reply(9, 7)));
        cut.save();
        String written = Files.readString(file);

        ActivityLog again = ActivityLog.open(file, "https://sms.example.com", "alice");
        assertEquals(0, again.add(reply(9, 7)), "known after reopening");
        assertEquals(0, again.add(message(7, "DELIVERED", "2026-12-03T10:00:05Z")));
        again.save();
        ActivityLog.schema().newValidator().validate(new StreamSource(file.toFile()));
        String xml = Files.readString(file);
        assertEquals(1, xml.split("<message ", -1).length - 1, xml);
        assertEquals(2, xml.split("<status ", -1).length - 1, xml);
        assertEquals(1, xml.split("<reply ", -1).length - 1, xml);
        assertEquals(written, xml, "rewriting a log read back changes no byte (indentation, attribute order)");
    }

    @Test
    void aMessageFirstSeenDeliveredGetsTheStepsItsTimesTell(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("activity.xml");
        ActivityLog cut = ActivityLog.open(file, "https://sms.example.com", "alice");
        HistoryEntry delivered = message(8, "DELIVERED", "2026-12-03T10:00:09Z");
        delivered.setSubmittedAt("2026-12-03T10:00:01Z");

        cut.add(delivered);
        cut.save();

        String xml = Files.readString(file);
        assertEquals(3, xml.split("<status ", -1).length - 1, xml);
    }

    @Test
    void theSchemaRefusesTheSameMessageTwice(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("bad.xml");
        Files.writeString(file, """
                <activity xmlns="urn:emailsms:client:activity-log:v1" server="https://s" user="a">
                  <message id="1" to="+61412345678" source="ADD_IN" created="2026-12-03T10:00:00Z"><text>a</text>
                    <status value="PENDING" at="2026-12-03T10:00:00Z"/></message>
                  <message id="1" to="+61412345678" source="ADD_IN" created="2026-12-03T10:00:00Z"><text>a</text>
                    <status value="PENDING" at="2026-12-03T10:00:00Z"/></message>
                </activity>""");
        assertThrows(SAXException.class, () -> ActivityLog.schema().newValidator().validate(new StreamSource(file.toFile())));
    }

    private static HistoryEntry message(long id, String status, String at) {
        HistoryEntry entry = new HistoryEntry();
        entry.setKind("MESSAGE");
        entry.setId(id);
        entry.setMessageId(id);
        entry.setAt(at);
        entry.setNumber("+61412345678");
        entry.setContactName("Bob");
        entry.setText("See you 2moro");
        entry.setSource("ADD_IN");
        entry.setStatus(status);
        entry.setCreatedAt("2026-12-03T10:00:00Z");
        return entry;
    }

    private static HistoryEntry reply(long id, long messageId) {
        HistoryEntry entry = new HistoryEntry();
        entry.setKind("REPLY");
        entry.setId(id);
        entry.setMessageId(messageId);
        entry.setAt("2026-12-03T10:01:00Z");
        entry.setNumber("+61412345678");
        entry.setText("OK!");
        return entry;
    }
}
