package org.emailsms.gateway.inbound.control;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where replies that belong to no conversation are mailed, and how long the parts of a
 * concatenated reply wait for the rest (MicroProfile Config, see the README).
 */
@ApplicationScoped
public class ReplySettings {

    @Inject
    @ConfigProperty(name = "gateway.inbound.fallback-mailbox")
    Optional<String> fallbackMailbox;

    @Inject
    @ConfigProperty(name = "gateway.admin.email", defaultValue = "admin@localhost")
    String administratorEmail;

    @Inject
    @ConfigProperty(name = "gateway.inbound.reassembly-timeout", defaultValue = "PT1H")
    Duration reassemblyTimeout;

    /** After this long the parts that did arrive are mailed as an incomplete reply. */
    public Duration reassemblyTimeout() {
        return reassemblyTimeout;
    }

    /** The configured mailbox, else the first administrator's address. */
    public String fallbackMailbox() {
        return fallbackMailbox.filter(m -> !m.isBlank()).map(String::strip).orElse(administratorEmail);
    }
}
