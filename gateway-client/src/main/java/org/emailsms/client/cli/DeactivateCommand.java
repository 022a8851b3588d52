package org.emailsms.client.cli;

import org.emailsms.client.GatewayException;
import org.emailsms.client.SmsGateway;

import picocli.CommandLine.Command;

@Command(name = "deactivate", description = "Signs this client out: the gateway forgets its serial, and so does the client.")
final class DeactivateCommand extends Activated {

    DeactivateCommand(Console console) {
        super(console);
    }

    @Override
    int run(SmsGateway gateway, String serial) throws GatewayException {
        try {
            gateway.deactivate(serial);
        } catch (GatewayException e) {
            if (!e.needsActivation()) {
                throw e; // a serial the gateway no longer knows is as good as deactivated
            }
        }
        settings.remove("serial");
        console.files().save(settings);
        console.out().println("Deactivated: this client no longer sends as " + settings.getProperty("user") + ".");
        return ExitCodes.OK;
    }
}
