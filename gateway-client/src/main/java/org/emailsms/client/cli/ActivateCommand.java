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

    ActivateCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
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
            String serial = gateway.activate(user, password, "emailsms command line (" + System.getProperty("os.name") + ")",
                    licence.getVersion());
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
