package org.emailsms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactsTest {

    static final String ADDRESS_BOOK = """
            BEGIN:VCARD
            VERSION:3.0
            FN:Jane Doe
            N:Doe;Jane;;;
            TEL;TYPE=WORK:+61 2 9999 0000
            TEL;TYPE=CELL:+61 412 345 678
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            FN:John Landline
            TEL;TYPE=WORK:+61 2 9999 0001
            TEL;TYPE=HOME:+61 2 9999 0002
            END:VCARD
            BEGIN:VCARD
            VERSION:4.0
            FN:Janet Single
            TEL:+61 412 000 111
            END:VCARD
            """;

    @Test
    void findsMobilesInAVCardFile(@TempDir Path directory) throws Exception {
        Path vcf = directory.resolve("contacts.vcf");
        Files.writeString(vcf, ADDRESS_BOOK);
        Contacts cut = new Contacts(vcf, null);

        assertEquals(List.of(new Contact("Jane Doe", "+61 412 345 678", "address book"),
                new Contact("Janet Single", "+61 412 000 111", "address book")), cut.search("jane"));
        assertEquals(List.of(), cut.search("John"), "no mobile, not found");
        assertEquals("\"Jane Doe\" <+61 412 345 678>", cut.search("doe").get(0).asRecipient());
    }

    @Test
    void findsMobilesInAnLdapDirectory() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
        config.setSchema(null);
        InMemoryDirectoryServer directory = new InMemoryDirectoryServer(config);
        directory.add("dn: dc=example,dc=com", "objectClass: domain", "dc: example");
        directory.add("dn: cn=Bob Smith,dc=example,dc=com", "objectClass: person", "cn: Bob Smith",
                "displayName: Bob Smith (Sales)", "mobile: +61 423 456 789", "sn: Smith");
        directory.add("dn: cn=Bobby Nomobile,dc=example,dc=com", "objectClass: person", "cn: Bobby Nomobile", "sn: Nomobile");
        directory.startListening();
        try {
            Contacts cut = new Contacts(null, new DirectorySettings("ldap://127.0.0.1:" + directory.getListenPort(), null, null,
                    "dc=example,dc=com", DirectorySettings.DEFAULT_FILTER, DirectorySettings.DEFAULT_NAME_ATTRIBUTE,
                    DirectorySettings.DEFAULT_MOBILE_ATTRIBUTE));

            assertEquals(List.of(new Contact("Bob Smith (Sales)", "+61 423 456 789", "directory")), cut.search("bob"));
            assertEquals(List.of(), cut.search("*)(cn=*"), "what is searched for is escaped");
        } finally {
            directory.shutDown(true);
        }
    }

    @Test
    void theDirectoryPasswordIsNotSentOverPlainLdap() throws Exception {
        InMemoryDirectoryServer directory = directory(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
        try {
            String url = "ldap://127.0.0.1:" + directory.getListenPort();
            Contacts plain = new Contacts(null, settings(url, "cn=reader,dc=example,dc=com", "secret", false, false, null));
            Contacts.ContactsException refused = assertThrows(Contacts.ContactsException.class, () -> plain.search("bob"));
            assertTrue(refused.getMessage().contains("unencrypted"), refused.getMessage());

            Contacts insecure = new Contacts(null, settings(url, "cn=reader,dc=example,dc=com", "secret", false, true, null));
            assertEquals(1, insecure.search("bob").size(), "sent when the user says the network is trusted");
        } finally {
            directory.shutDown(true);
        }
    }

    /** LDAPS checks the certificate's host name: one issued to another host is refused even when trusted. */
    @Test
    void ldapsRefusesACertificateForAnotherHost(@TempDir Path dir) throws Exception {
        Path right = certificate(dir, "right", "CN=127.0.0.1", "ip:127.0.0.1");
        Path wrong = certificate(dir, "wrong", "CN=wrong.example", "dns:wrong.example");
        Path trusted = dir.resolve("trusted.jks");
        trust(dir, right, "right", trusted);
        trust(dir, wrong, "wrong", trusted);

        for (Path serverKey : List.of(right, wrong)) {
            SSLUtil serverTls = new SSLUtil(new KeyStoreKeyManager(serverKey.toFile(), PASSWORD, "PKCS12", null), null);
            InMemoryDirectoryServer directory = directory(InMemoryListenerConfig.createLDAPSConfig("ldaps",
                    java.net.InetAddress.getLoopbackAddress(), 0, serverTls.createSSLServerSocketFactory(), null));
            try {
                Contacts cut = new Contacts(null, settings("ldaps://127.0.0.1:" + directory.getListenPort(),
                        "cn=reader,dc=example,dc=com", "secret", false, false, trusted.toString()));
                if (serverKey == right) {
                    assertEquals(1, cut.search("bob").size(), "the certificate names the host connected to");
                } else {
                    Contacts.ContactsException refused = assertThrows(Contacts.ContactsException.class, () -> cut.search("bob"));
                    assertTrue(refused.getMessage().contains("could not be searched"), refused.getMessage());
                }
            } finally {
                directory.shutDown(true);
            }
        }
    }

    private static final char[] PASSWORD = "changeit".toCharArray();

    private static DirectorySettings settings(String url, String bindDn, String password, boolean startTls, boolean insecure,
                                              String trustStore) {
        return new DirectorySettings(url, bindDn, password, "dc=example,dc=com", DirectorySettings.DEFAULT_FILTER,
                DirectorySettings.DEFAULT_NAME_ATTRIBUTE, DirectorySettings.DEFAULT_MOBILE_ATTRIBUTE, startTls, insecure,
                trustStore);
    }

    private static InMemoryDirectoryServer directory(InMemoryListenerConfig listener) throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
        config.setListenerConfigs(listener);
        config.setSchema(null);
        InMemoryDirectoryServer directory = new InMemoryDirectoryServer(config);
        directory.add("dn: dc=example,dc=com", "objectClass: domain", "dc: example");
        directory.add("dn: cn=reader,dc=example,dc=com", "objectClass: person", "cn: reader", "sn: Reader",
                "userPassword: secret");
        directory.add("dn: cn=Bob Smith,dc=example,dc=com", "objectClass: person", "cn: Bob Smith",
                "displayName: Bob Smith (Sales)", "mobile: +61 423 456 789", "sn: Smith");
        directory.startListening();
        return directory;
    }

    /** A key pair and self-signed certificate made by the JDK's keytool, as an operator would. */
    private static Path certificate(Path dir, String alias, String subject, String subjectAlternativeName) throws Exception {
        Path store = dir.resolve(alias + ".p12");
        keytool("-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-dname", subject, "-ext",
                "SAN=" + subjectAlternativeName, "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD));
        return store;
    }

    private static void trust(Path dir, Path keyStore, String alias, Path trustStore) throws Exception {
        Path certificate = dir.resolve(alias + ".cer");
        keytool("-exportcert", "-alias", alias, "-keystore", keyStore.toString(), "-storepass", new String(PASSWORD),
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", alias, "-file", certificate.toString(), "-storetype", "JKS",
                "-keystore", trustStore.toString(), "-storepass", new String(PASSWORD));
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(System.getProperty("java.home") + "/bin/keytool"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
    }
}
