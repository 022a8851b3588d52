package org.emailsms.gateway.inbound.control;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where replies that belong to no conversation are mailed (MicroProfile Config, see the README). */
@ApplicationScoped
public class ReplySettings {

    @Inject
    @ConfigProperty(name = "gateway.inbound.fallback-mailbox")
    Optional<String> fallbackMailbox;

    @Inject
    @ConfigProperty(name = "gateway.admin.email", defaultValue = "admin@localhost")
    String administratorEmail;

    /** The configured mailbox, else the first administrator's address. */
    public String fallbackMailbox() {
        return fallbackMailbox.filter(m -> !m.isBlank()).map(String::strip).orElse(administratorEmail);
    }
}
