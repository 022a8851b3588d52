package org.emailsms.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import javax.net.ssl.SSLSocketFactory;

import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Telephone;

/**
 * Finding people to text: in the local address book (a vCard file, as address books export them)
 * and in the corporate directory over LDAP. Only entries with a mobile number are found.
 */
public final class Contacts {

    private static final int MAX_FOUND = 50;
    private static final int LDAP_TIMEOUT_MS = 10_000;

    private final Path addressBook;
    private final DirectorySettings directory;

    public Contacts(Path addressBook, DirectorySettings directory) {
        this.addressBook = addressBook;
        this.directory = directory;
    }

    /** The address book and directory the client's settings name. */
    public static Contacts from(Properties settings, ClientFiles files) {
        String vcard = settings.getProperty("contacts.vcard");
        return new Contacts(vcard == null || vcard.isBlank() ? null : Path.of(vcard), DirectorySettings.from(settings, files));
    }

    public boolean isEmpty() {
        return addressBook == null && directory == null;
    }

    /** Everyone whose name contains {@code search} (any case): the address book's first, then the directory's. */
    public List<Contact> search(String search) throws ContactsException {
        List<Contact> found = new ArrayList<>();
        if (addressBook != null) {
            found.addAll(searchAddressBook(search));
        }
        if (directory != null) {
            found.addAll(searchDirectory(search));
        }
        return found.size() > MAX_FOUND ? found.subList(0, MAX_FOUND) : found;
    }

    private List<Contact> searchAddressBook(String search) throws ContactsException {
        List<VCard> cards;
        try {
            cards = Ezvcard.parse(Files.readString(addressBook)).all();
        } catch (IOException e) {
            throw new ContactsException("The address book " + addressBook + " cannot be read: " + e.getMessage(), e);
        }
        String wanted = search.toLowerCase(Locale.ROOT);
        List<Contact> found = new ArrayList<>();
        for (VCard card : cards) {
            String name = nameOf(card);
            String mobile = mobileOf(card);
            if (name != null && mobile != null && name.toLowerCase(Locale.ROOT).contains(wanted)) {
                found.add(new Contact(name, mobile, "address book"));
            }
        }
        return found;
    }

    private static String nameOf(VCard card) {
        if (card.getFormattedName() != null && !card.getFormattedName().getValue().isBlank()) {
            return card.getFormattedName().getValue().strip();
        }
        if (card.getStructuredName() != null) {
            String given = card.getStructuredName().getGiven();
            String family = card.getStructuredName().getFamily();
            String name = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
            return name.isEmpty() ? null : name;
        }
        return null;
    }

    /** The number typed as a mobile (CELL); else the only number there is. */
    private static String mobileOf(VCard card) {
        List<Telephone> numbers = card.getTelephoneNumbers().stream().filter(t -> t.getText() != null).toList();
        return numbers.stream().filter(t -> t.getTypes().contains(TelephoneType.CELL)).map(Telephone::getText)
                .findFirst().orElse(numbers.size() == 1 ? numbers.get(0).getText() : null);
    }

    private List<Contact> searchDirectory(String search) throws ContactsException {
        if (directory.sendsPasswordInClear() && !directory.insecure()) {
            throw new ContactsException("Not searched: the directory password would cross the network unencrypted to "
                    + directory.url() + ". Use ldaps://, or StartTLS (emailsms configure --ldap-starttls), or, on a "
                    + "network you trust, --ldap-insecure.", null);
        }
        try {
            LDAPURL url = new LDAPURL(directory.url());
            try (LDAPConnection connection = connect(url, directory)) {
                if (directory.bindDn() != null && !directory.bindDn().isBlank()) {
                    connection.bind(directory.bindDn(), directory.password() == null ? "" : directory.password());
                }
                Filter filter = Filter.create(directory.filter().replace("{0}", Filter.encodeValue(search)));
                SearchRequest request = new SearchRequest(directory.baseDn(), SearchScope.SUB, filter,
                        directory.nameAttribute(), "cn", directory.mobileAttribute());
                request.setSizeLimit(MAX_FOUND);
                request.setTimeLimitSeconds(LDAP_TIMEOUT_MS / 1000);
                List<Contact> found = new ArrayList<>();
                for (SearchResultEntry entry : connection.search(request).getSearchEntries()) {
                    String name = entry.getAttributeValue(directory.nameAttribute());
                    if (name == null) {
                        name = entry.getAttributeValue("cn");
                    }
                    String mobile = entry.getAttributeValue(directory.mobileAttribute());
                    if (name != null && mobile != null) {
                        found.add(new Contact(name, mobile, "directory"));
                    }
                }
                return found;
            }
        } catch (LDAPException | GeneralSecurityException | IOException e) {
            throw new ContactsException("The directory " + directory.url() + " could not be searched: " + e.getMessage(), e);
        }
    }

    /**
     * A connection over LDAPS or StartTLS checks the server's certificate against the trust store and
     * its host name against the address connected to (the JDK's LDAPS endpoint identification); a
     * plain one does neither, and carries no password.
     */
    private static LDAPConnection connect(LDAPURL url, DirectorySettings directory)
            throws LDAPException, GeneralSecurityException, IOException {
        boolean ldaps = "ldaps".equalsIgnoreCase(url.getScheme());
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(LDAP_TIMEOUT_MS);
        SSLSocketFactory tls = ldaps || directory.startTls() ? HostNameChecking.socketFactory(directory.trustStore()) : null;
        LDAPConnection connection = ldaps ? new LDAPConnection(tls, options) : new LDAPConnection(options);
        connection.connect(url.getHost(), url.getPort(), LDAP_TIMEOUT_MS);
        if (!ldaps && directory.startTls()) {
            ExtendedResult started = connection.processExtendedOperation(new StartTLSExtendedRequest(tls));
            if (started.getResultCode() != ResultCode.SUCCESS) {
                connection.close();
                throw new LDAPException(started.getResultCode(), "StartTLS was refused: " + started.getDiagnosticMessage());
            }
        }
        return connection;
    }

    /** The address book or the directory could not be searched. */
    public static final class ContactsException extends Exception {

        private static final long serialVersionUID = 1L;

        ContactsException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
