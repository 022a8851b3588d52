package org.emailsms.client.cli;

import java.net.URI;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.emailsms.client.GatewayException;
import org.emailsms.client.SmsGateway;
import org.emailsms.client.soap.account.LicenceInfo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "activate", description = {
        "Activates this client for a user: shows the gateway's licence and asks to accept it, asks for the",
        "password (not echoed), and keeps the serial the gateway gives, encrypted, for the other commands."})
final class ActivateCommand implements Callable<Integer> {

    private final Console console;

    @Option(names = "--server", required = true, description = "The gateway, such as https://sms.example.com")
    URI server;

    @Option(names = "--user", required = true, description = "Your username on the gateway")
    String user;

    @Option(names = "--trust-any-certificate",
            description = "Accept a certificate nobody vouches for (a test gateway's own); never on a shared network")
    boolean trustAnyCertificate;

    @Option(names = "--accept-licence", description = "Accept the licence without asking (it is still shown)")
    boolean acceptLicence;

    @Option(names = "--insecure-http",
            description = "Allow a server address that starts with http:// (the password would cross the network in clear)")
    boolean insecureHttp;

    ActivateCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if ("http".equalsIgnoreCase(server.getScheme()) && !insecureHttp) {
            console.err().println("Not activated: " + server + " is plain HTTP, and your password would cross the network "
                    + "unencrypted. Use the gateway's https:// address (or --insecure-http for a test gateway on this machine).");
            return ExitCodes.USAGE;
        }
        SmsGateway gateway = SmsGateway.at(server, trustAnyCertificate);
        try {
            LicenceInfo licence = gateway.licence();
            console.out().println(licence.getText());
            console.out().println();
            if (!acceptLicence && !console.confirm("Do you accept this licence (version " + licence.getVersion() + ")?")) {
                console.err().println("Not activated: the licence was not accepted.");
                return ExitCodes.REFUSED;
            }
            String password = console.secret("Password for " + user + ": ");
            if (password == null || password.isEmpty()) {
                console.err().println("Not activated: no password given.");
                return ExitCodes.REFUSED;
            }
            String clientInfo = "emailsms command line (" + System.getProperty("os.name") + ")";
            String serial;
            try {
                serial = gateway.activate(user, password, clientInfo, licence.getVersion());
            } catch (GatewayException e) {
                if (!"PASSWORD_CHANGE_REQUIRED".equals(e.code())) {
                    throw e;
                }
                // A password given by the gateway or an administrator: the user chooses their own first.
                console.out().println("The password you were given must be replaced with one of your own.");
                String chosen = PasswordCommand.askNewPassword(console);
                if (chosen == null) {
                    return ExitCodes.REFUSED;
                }
                gateway.changePassword(user, password, chosen, false);
                console.out().println("Your password was changed.");
                serial = gateway.activate(user, chosen, clientInfo, licence.getVersion());
            }
            Properties settings = console.files().load();
            settings.setProperty("server", server.toString());
            settings.setProperty("trust-any-certificate", Boolean.toString(trustAnyCertificate));
            settings.setProperty("user", user);
            settings.setProperty("licence", licence.getVersion());
            settings.setProperty("serial", console.files().encrypt(serial));
            console.files().save(settings);
            console.out().println("Activated as " + user + " on " + server + ". The serial is kept encrypted in "
                    + console.files().configDirectory() + " with the key in " + console.files().keyDirectory() + ".");
            return ExitCodes.OK;
        } catch (GatewayException e) {
            if ("LICENCE_NOT_ACCEPTED".equals(e.code())) {
                console.err().println(e.getMessage() + " Run activate again to see the new licence.");
                return ExitCodes.REFUSED;
            }
            return Activated.report(console, e);
        }
    }
}
