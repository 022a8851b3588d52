package org.emailsms.client;

import java.util.Properties;

/**
 * A corporate directory reached over LDAP: Active Directory or Exchange's global address list
 * (attributes {@code displayName} and {@code mobile}), a Domino directory ({@code cn} and
 * {@code mobile}), or any other. {@code filter} is an LDAP filter in which {@code {0}} stands for
 * what was searched for, escaped. The directory password is sent only over TLS ({@code ldaps://}
 * or {@code startTls}) unless {@code insecure} says otherwise; the server's certificate must be one
 * the JVM's trust store, or {@code trustStore} (a JKS file as {@code keytool -importcert} writes it), vouches for, and name its host.
 */
public record DirectorySettings(String url, String bindDn, String password, String baseDn, String filter,
                                String nameAttribute, String mobileAttribute, boolean startTls, boolean insecure,
                                String trustStore) {

    /** Over {@code ldaps://} or plain {@code ldap://} without a password, trusting the JVM's store. */
    public DirectorySettings(String url, String bindDn, String password, String baseDn, String filter,
                             String nameAttribute, String mobileAttribute) {
        this(url, bindDn, password, baseDn, filter, nameAttribute, mobileAttribute, false, false, null);
    }

    public static final String DEFAULT_FILTER = "(&(objectClass=person)(|(cn=*{0}*)(displayName=*{0}*)(mail={0}*)))";
    public static final String DEFAULT_NAME_ATTRIBUTE = "displayName";
    public static final String DEFAULT_MOBILE_ATTRIBUTE = "mobile";

    /** Whether a password would cross the network in clear, which is refused unless {@code insecure}. */
    public boolean sendsPasswordInClear() {
        return password != null && !password.isEmpty() && url.regionMatches(true, 0, "ldap://", 0, 7) && !startTls;
    }

    /** The directory in the client's settings, or null when none is set. */
    static DirectorySettings from(Properties settings, ClientFiles files) {
        String url = settings.getProperty("ldap.url");
        if (url == null || url.isBlank()) {
            return null;
        }
        return new DirectorySettings(url, settings.getProperty("ldap.bind-dn"),
                files.decrypt(settings.getProperty("ldap.password")), settings.getProperty("ldap.base-dn", ""),
                settings.getProperty("ldap.filter", DEFAULT_FILTER),
                settings.getProperty("ldap.name-attribute", DEFAULT_NAME_ATTRIBUTE),
                settings.getProperty("ldap.mobile-attribute", DEFAULT_MOBILE_ATTRIBUTE),
                Boolean.parseBoolean(settings.getProperty("ldap.starttls")),
                Boolean.parseBoolean(settings.getProperty("ldap.insecure")), settings.getProperty("ldap.trust-store"));
    }
}
