package org.emailsms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;

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
}
