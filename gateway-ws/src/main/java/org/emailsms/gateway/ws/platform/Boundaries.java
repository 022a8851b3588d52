package org.emailsms.gateway.ws.platform;

import jakarta.enterprise.inject.spi.CDI;

/**
 * Reaches the EJB boundaries from an endpoint. Where Metro is bundled (Payara Micro) it creates
 * endpoints itself and leaves {@code @EJB}/{@code @Inject} fields empty, so every endpoint looks
 * its services up instead; the same code then runs on Payara Server.
 */
public final class Boundaries {

    private Boundaries() {
    }

    public static <T> T lookup(Class<T> boundary) {
        return CDI.current().select(boundary).get();
    }
}
