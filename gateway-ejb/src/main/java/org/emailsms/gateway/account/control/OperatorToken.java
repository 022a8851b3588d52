package org.emailsms.gateway.account.control;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emailsms.gateway.platform.control.KeyFiles;

/**
 * The secret that proves a command comes from the operator of this machine: the file
 * {@code operator.token} in the data directory, created at start and readable by the gateway's
 * account only. Each node has its own; {@code bin/gateway admin} reads it and sends it to the node
 * on the same machine.
 */
@ApplicationScoped
public class OperatorToken {

    private static final Logger LOG = Logger.getLogger(OperatorToken.class.getName());

    @Inject
    @ConfigProperty(name = "gateway.data.dir")
    String dataDir;

    private byte[] token;

    /** Created at start, so that the command works before anything else has happened. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.fine("operator token ready");
    }

    @PostConstruct
    void load() {
        byte[] key = KeyFiles.load(Optional.empty(), Path.of(dataDir, "operator.token"), 32,
                "operator token (for bin/gateway admin)");
        token = Base64.getEncoder().encodeToString(key).getBytes(StandardCharsets.US_ASCII);
    }

    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(token, presented.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
