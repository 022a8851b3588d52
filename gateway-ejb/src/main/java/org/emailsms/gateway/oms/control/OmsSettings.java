package org.emailsms.gateway.oms.control;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How the gateway presents itself to Outlook (the service information Outlook shows when an account
 * is set up) and the limits it announces and then enforces.
 */
@ApplicationScoped
public class OmsSettings {

    /**
     * Outlook sends at most this many parts of one message (its calendar summary up to 50), and a
     * batch holds at most this many messages: the maxMessagesPerSend the service advertises.
     */
    public static final int MAX_PARTS = 20;
    public static final int MAX_PARTS_CALENDAR_SUMMARY = 50;

    @Inject
    @ConfigProperty(name = "gateway.oms.provider-name")
    String providerName;

    @Inject
    @ConfigProperty(name = "gateway.oms.local-name")
    String localName;

    @Inject
    @ConfigProperty(name = "gateway.oms.english-name")
    String englishName;

    @Inject
    @ConfigProperty(name = "gateway.oms.service-uri")
    Optional<String> serviceUri;

    @Inject
    @ConfigProperty(name = "gateway.oms.sign-up-page")
    Optional<String> signUpPage;

    @Inject
    @ConfigProperty(name = "gateway.oms.max-recipients")
    int maxRecipients;

    /** The Windows locale id (LCID) of the service's texts: 1033 is English (United States). */
    @Inject
    @ConfigProperty(name = "gateway.oms.target-locale", defaultValue = "1033")
    int targetLocale;

    @Inject
    @ConfigProperty(name = "gateway.oms.password-memory")
    Duration passwordMemory;

    public String providerName() {
        return providerName;
    }

    public String localName() {
        return localName;
    }

    public String englishName() {
        return englishName;
    }

    /** Where Outlook posts messages; empty: the address the request came to. */
    public Optional<String> serviceUri() {
        return serviceUri.filter(uri -> !uri.isBlank());
    }

    /** The sign-up page Outlook links to; empty: the portal's address. */
    public Optional<String> signUpPage() {
        return signUpPage.filter(uri -> !uri.isBlank());
    }

    public int targetLocale() {
        return targetLocale;
    }

    public int maxRecipients() {
        return maxRecipients;
    }

    /** How long a node remembers a password it verified; zero: never. */
    public Duration passwordMemory() {
        return passwordMemory;
    }
}
