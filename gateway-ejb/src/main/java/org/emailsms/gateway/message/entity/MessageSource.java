package org.emailsms.gateway.message.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a message came from: an add-in or the command line through the SOAP API, or Outlook's own
 * text messaging (and SharePoint's alerts) through the Office Mobile Service protocol, whose
 * {@code sourceType} names how the client made it. Reports filter and export by it.
 */
public enum MessageSource {
    /** The SOAP API's sendMessage: an email-client add-in or another program. */
    ADD_IN("addIn", false),
    /** Outlook's compose window for a new text message. */
    XMS_INSPECTOR("xmsInspector", false),
    /** Outlook: an item forwarded as a text message, and other manual sends. */
    OTHER("other", false),
    /** Outlook: a reminder sent to the user's phone. */
    REMINDER("reminder", true),
    /** Outlook: the next day's calendar. */
    CAL_SUMMARY("calSummary", true),
    /** Outlook: incoming mail forwarded by a rule. */
    RULE_BASED("ruleBased", true),
    /** SharePoint alerts. */
    WSS_ALERT("wssAlert", true);

    private final String omsName;
    private final boolean automatic;

    MessageSource(String omsName, boolean automatic) {
        this.omsName = omsName;
        this.automatic = automatic;
    }

    /** The protocol's spelling, such as {@code calSummary}. */
    public String omsName() {
        return omsName;
    }

    /** Sent by the client on its own (a company may refuse these), not typed by a person. */
    public boolean isAutomatic() {
        return automatic;
    }

    /** An OMS sourceType, in any case; absent is a manual send ({@link #OTHER}). */
    public static Optional<MessageSource> ofOmsName(String sourceType) {
        if (sourceType == null || sourceType.isBlank()) {
            return Optional.of(OTHER);
        }
        String wanted = sourceType.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s != ADD_IN && s.omsName.toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }
}
