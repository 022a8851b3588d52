package org.emailsms.client.cli;

import java.nio.file.Path;

import org.emailsms.client.ActivityLog;
import org.emailsms.client.GatewayException;
import org.emailsms.client.SmsGateway;
import org.emailsms.client.soap.message.HistoryEntry;
import org.emailsms.client.soap.message.HistoryPage;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "history", description = {
        "Your messages, each status they reached and the replies, oldest first. With --xml, adds what is new",
        "to the XML activity log in FILE (schema: org/emailsms/client/activity-log.xsd in the client's jar)."})
final class HistoryCommand extends Activated {

    @Option(names = "--xml", paramLabel = "FILE", description = "Add to this activity log instead of printing")
    Path xml;

    @Option(names = "--since", description = "From this ISO-8601 instant (or the 'next' a page printed)")
    String since;

    @Option(names = "--max", defaultValue = "100", description = "At most this many lines (default ${DEFAULT-VALUE})")
    int max;

    HistoryCommand(Console console) {
        super(console);
    }

    @Override
    int run(SmsGateway gateway, String serial) throws GatewayException {
        if (xml != null) {
            ActivityLog log = ActivityLog.open(xml, settings.getProperty("server"), settings.getProperty("user"));
            int added = log.update(gateway, serial);
            console.out().println(added + " new entr" + (added == 1 ? "y" : "ies") + " in " + xml);
            return ExitCodes.OK;
        }
        HistoryPage page = gateway.history(serial, since, Math.min(Math.max(max, 1), 500));
        for (HistoryEntry entry : page.getEntry()) {
            if ("REPLY".equals(entry.getKind())) {
                console.out().println(entry.getAt() + " reply from " + entry.getNumber()
                        + (entry.getMessageId() == null ? "" : " to message " + entry.getMessageId()) + ": " + entry.getText());
            } else {
                console.out().println(entry.getAt() + " message " + entry.getId() + " to "
                        + (entry.getContactName() == null ? "" : entry.getContactName() + " ") + entry.getNumber()
                        + " " + entry.getStatus() + ": " + entry.getText());
            }
        }
        console.out().println(page.isMore() ? "More: history --since " + page.getNext() : "Next: history --since " + page.getNext());
        return ExitCodes.OK;
    }
}
