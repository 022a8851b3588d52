package org.emailsms.client.cli;

import java.net.URI;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.emailsms.client.GatewayException;
import org.emailsms.client.SmsGateway;
import org.emailsms.client.Contacts.ContactsException;

/**
 * A command that needs an activation: it finds the server and serial the activation stored, and
 * turns the gateway's refusals into a message and an exit status.
 */
abstract class Activated implements Callable<Integer> {

    protected final Console console;
    protected Properties settings;

    Activated(Console console) {
        this.console = console;
    }

    @Override
    public final Integer call() throws Exception {
        settings = console.files().load();
        String server = settings.getProperty("server");
        String serial = console.files().decrypt(settings.getProperty("serial"));
        if (server == null || serial == null) {
            console.err().println("Not activated here: run emailsms activate --server URL --user NAME first.");
            return ExitCodes.NOT_ACTIVATED;
        }
        SmsGateway gateway = SmsGateway.at(URI.create(server),
                Boolean.parseBoolean(settings.getProperty("trust-any-certificate")));
        try {
            return run(gateway, serial);
        } catch (GatewayException e) {
            return report(console, e);
        } catch (ContactsException e) {
            console.err().println(e.getMessage());
            return ExitCodes.REFUSED;
        }
    }

    abstract int run(SmsGateway gateway, String serial) throws GatewayException, ContactsException, InterruptedException;

    /** The gateway's word for a refusal, and what the user can do about it. */
    static int report(Console console, GatewayException e) {
        if (e.needsActivation()) {
            console.err().println(e.getMessage() + " (run emailsms activate again)");
            return ExitCodes.NOT_ACTIVATED;
        }
        if (GatewayException.UNREACHABLE.equals(e.code())) {
            console.err().println(e.getMessage());
            return ExitCodes.UNREACHABLE;
        }
        console.err().println(e.code() + ": " + e.getMessage());
        return ExitCodes.REFUSED;
    }
}
