package org.emailsms.client;

import java.util.Properties;

/**
 * A corporate directory reached over LDAP: Active Directory or Exchange's global address list
 * (attributes {@code displayName} and {@code mobile}), a Domino directory ({@code cn} and
 * {@code mobile}), or any other. {@code filter} is an LDAP filter in which {@code {0}} stands for
 * what was searched for, escaped.
 */
public record DirectorySettings(String url, String bindDn, String password, String baseDn, String filter,
                                String nameAttribute, String mobileAttribute) {

    public static final String DEFAULT_FILTER = "(&(objectClass=person)(|(cn=*{0}*)(displayName=*{0}*)(mail={0}*)))";
    public static final String DEFAULT_NAME_ATTRIBUTE = "displayName";
    public static final String DEFAULT_MOBILE_ATTRIBUTE = "mobile";

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
                settings.getProperty("ldap.mobile-attribute", DEFAULT_MOBILE_ATTRIBUTE));
    }
}
