package org.emailsms.client.cli;

import java.net.URI;
import java.util.concurrent.Callable;

import org.emailsms.client.GatewayException;
import org.emailsms.client.SmsGateway;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "password", description = {
        "Changes your password on the gateway: the current one (or the one you were given), then the new one",
        "twice, none of them echoed. Your add-ins are signed out unless --keep-add-ins; this client activates again."})
final class PasswordCommand implements Callable<Integer> {

    private final Console console;

    @Option(names = "--server", description = "The gateway, such as https://sms.example.com (default: the one activated)")
    URI server;

    @Option(names = "--user", description = "Your username on the gateway (default: the one activated)")
    String user;

    @Option(names = "--trust-any-certificate",
            description = "Accept a certificate nobody vouches for (a test gateway's own); never on a shared network")
    boolean trustAnyCertificate;

    @Option(names = "--keep-add-ins", description = "Keep the add-ins activated with your account signed in")
    boolean keepAddIns;

    @Option(names = "--insecure-http",
            description = "Allow a server address that starts with http:// (the passwords would cross the network in clear)")
    boolean insecureHttp;

    PasswordCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        var settings = console.files().load();
        URI gatewayAddress = server != null ? server
                : settings.getProperty("server") == null ? null : URI.create(settings.getProperty("server"));
        String username = user != null ? user : settings.getProperty("user");
        if (gatewayAddress == null || username == null) {
            console.err().println("Name the gateway and yourself: --server https://... --user NAME.");
            return ExitCodes.USAGE;
        }
        if ("http".equalsIgnoreCase(gatewayAddress.getScheme()) && !insecureHttp) {
            console.err().println("Not changed: " + gatewayAddress + " is plain HTTP, and your passwords would cross the "
                    + "network unencrypted. Use the gateway's https:// address.");
            return ExitCodes.USAGE;
        }
        boolean trustAny = trustAnyCertificate || Boolean.parseBoolean(settings.getProperty("trust-any-certificate"));
        String current = console.secret("Current password for " + username + ": ");
        String chosen = askNewPassword(console);
        if (current == null || chosen == null) {
            return ExitCodes.REFUSED;
        }
        try {
            SmsGateway.at(gatewayAddress, trustAny).changePassword(username, current, chosen, keepAddIns);
        } catch (GatewayException e) {
            console.err().println("Not changed: " + e.getMessage());
            return ExitCodes.REFUSED;
        }
        console.out().println("Your password was changed." + (keepAddIns ? ""
                : " Add-ins activated with your account must activate again (emailsms activate)."));
        return ExitCodes.OK;
    }

    /** The new password, typed twice alike; null (and why, said) when it is not. */
    static String askNewPassword(Console console) {
        String chosen = console.secret("New password: ");
        String repeated = console.secret("New password again: ");
        if (chosen == null || chosen.isEmpty() || !chosen.equals(repeated)) {
            console.err().println("Not changed: the new password was empty or its repetition differed.");
            return null;
        }
        return chosen;
    }
}
