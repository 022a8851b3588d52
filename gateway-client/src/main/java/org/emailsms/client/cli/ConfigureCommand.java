package org.emailsms.client.cli;

import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "configure", description = {
        "Where contacts come from: a vCard file (as address books export them) and a corporate directory",
        "over LDAP (Active Directory or Exchange: displayName and mobile; Domino: --ldap-name-attribute cn).",
        "An empty value removes a setting."})
final class ConfigureCommand implements Callable<Integer> {

    private final Console console;

    @Option(names = "--vcard", paramLabel = "FILE", description = "The address book, a .vcf file")
    Path vcard;

    @Option(names = "--ldap-url", description = "Such as ldap://dc.example.com:389 or ldaps://...")
    String ldapUrl;

    @Option(names = "--ldap-bind-dn", description = "Who to sign in to the directory as (none: anonymous)")
    String ldapBindDn;

    @Option(names = "--ldap-password", description = "Asks for the directory password (kept encrypted)")
    boolean ldapPassword;

    @Option(names = "--ldap-starttls", description = "Encrypt an ldap:// connection with StartTLS before signing in")
    Boolean ldapStartTls;

    @Option(names = "--ldap-insecure",
            description = "Send the directory password over plain ldap:// (only on a network you trust)")
    Boolean ldapInsecure;

    @Option(names = "--ldap-trust-store",
            description = "A JKS trust store (keytool -importcert) of the certificates to trust for ldaps:// and StartTLS (default: Java's)")
    Path ldapTrustStore;

    @Option(names = "--ldap-base-dn", description = "Where to search, such as dc=example,dc=com")
    String ldapBaseDn;

    @Option(names = "--ldap-filter", description = "The search; {0} is what was searched for (default: persons by cn, displayName or mail)")
    String ldapFilter;

    @Option(names = "--ldap-name-attribute", description = "The name's attribute (default displayName)")
    String ldapNameAttribute;

    @Option(names = "--ldap-mobile-attribute", description = "The mobile number's attribute (default mobile)")
    String ldapMobileAttribute;

    ConfigureCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Properties settings = console.files().load();
        set(settings, "contacts.vcard", vcard == null ? null : vcard.toAbsolutePath().toString());
        set(settings, "ldap.url", ldapUrl);
        set(settings, "ldap.bind-dn", ldapBindDn);
        set(settings, "ldap.base-dn", ldapBaseDn);
        set(settings, "ldap.filter", ldapFilter);
        set(settings, "ldap.name-attribute", ldapNameAttribute);
        set(settings, "ldap.mobile-attribute", ldapMobileAttribute);
        set(settings, "ldap.starttls", ldapStartTls == null ? null : ldapStartTls ? "true" : "");
        set(settings, "ldap.insecure", ldapInsecure == null ? null : ldapInsecure ? "true" : "");
        set(settings, "ldap.trust-store", ldapTrustStore == null ? null : ldapTrustStore.toAbsolutePath().toString());
        String url = settings.getProperty("ldap.url", "");
        if (ldapPassword && url.regionMatches(true, 0, "ldap://", 0, 7)
                && !Boolean.parseBoolean(settings.getProperty("ldap.starttls"))
                && !Boolean.parseBoolean(settings.getProperty("ldap.insecure"))) {
            console.err().println("Not configured: the directory password would cross the network unencrypted to " + url
                    + ". Use ldaps://, add --ldap-starttls, or, on a network you trust, --ldap-insecure.");
            return ExitCodes.USAGE;
        }
        if (ldapPassword) {
            String password = console.secret("Directory password: ");
            set(settings, "ldap.password", password == null || password.isEmpty() ? "" : console.files().encrypt(password));
        }
        console.files().save(settings);
        settings.stringPropertyNames().stream().sorted().filter(k -> k.startsWith("contacts.") || k.startsWith("ldap."))
                .forEach(k -> console.out().println(k + " = " + (k.equals("ldap.password") ? "(encrypted)" : settings.getProperty(k))));
        return ExitCodes.OK;
    }

    private static void set(Properties settings, String key, String value) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            settings.remove(key);
        } else {
            settings.setProperty(key, value.strip());
        }
    }
}
