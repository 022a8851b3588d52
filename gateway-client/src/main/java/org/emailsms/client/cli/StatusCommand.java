package org.emailsms.client.cli;

import java.util.List;

import org.emailsms.client.GatewayException;
import org.emailsms.client.SmsGateway;
import org.emailsms.client.soap.message.MessageStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "status", description = "The status of messages you sent, by the ids send printed.")
final class StatusCommand extends Activated {

    @Parameters(arity = "1..*", paramLabel = "MESSAGE-ID")
    List<Long> ids;

    StatusCommand(Console console) {
        super(console);
    }

    @Override
    int run(SmsGateway gateway, String serial) throws GatewayException {
        List<MessageStatus> statuses = gateway.status(serial, ids);
        for (MessageStatus status : statuses) {
            console.out().println(status.getMessageId() + " " + status.getDestination() + " " + status.getStatus()
                    + (status.getSubmittedAt() == null ? "" : " submitted " + status.getSubmittedAt())
                    + (status.getLastError() == null ? "" : " (" + status.getLastError() + ")"));
        }
        ids.stream().filter(id -> statuses.stream().noneMatch(s -> s.getMessageId() == id))
                .forEach(id -> console.out().println(id + " unknown: not a message of yours"));
        return statuses.size() == ids.size() ? ExitCodes.OK : ExitCodes.REFUSED;
    }
}
