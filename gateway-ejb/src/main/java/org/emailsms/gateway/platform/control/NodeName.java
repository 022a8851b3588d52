package org.emailsms.gateway.platform.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's name among the nodes that share one database: {@code gateway.node.name}, else the
 * host's name. Several nodes on one host must each be given a name of their own.
 */
@ApplicationScoped
public class NodeName {

    static final int MAX_LENGTH = 60;

    @Inject
    @ConfigProperty(name = "gateway.node.name")
    Optional<String> configured;

    private String name;

    @PostConstruct
    void init() {
        name = of(configured.orElse(null));
    }

    public String get() {
        return name;
    }

    /** The configured name, trimmed to what the database keeps, else the host's name. */
    static String of(String configured) {
        String chosen = configured == null || configured.isBlank() ? hostName() : configured.strip();
        return chosen.length() <= MAX_LENGTH ? chosen : chosen.substring(0, MAX_LENGTH);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
