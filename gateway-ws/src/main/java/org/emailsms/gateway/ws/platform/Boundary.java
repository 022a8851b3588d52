package org.emailsms.gateway.ws.platform;

import jakarta.enterprise.inject.spi.CDI;

/**
 * An EJB boundary as an endpoint reaches it. Where Metro is bundled (Payara Micro) it creates
 * endpoints itself and leaves {@code @EJB}/{@code @Inject} fields empty, so every endpoint looks its
 * services up instead; the same code then runs on Payara Server. Looked up once, on first use: the
 * reference to a stateless session bean serves every thread (the container picks a bean instance per
 * call), and resolving it through CDI on each request cost an eighth of a status query's CPU (JFR).
 */
public final class Boundary<T> {

    private final Class<T> type;
    private volatile T reference;

    private Boundary(Class<T> type) {
        this.type = type;
    }

    public static <T> Boundary<T> of(Class<T> type) {
        return new Boundary<>(type);
    }

    public T get() {
        T known = reference;
        if (known == null) {
            // Two threads may both look it up at first; either reference will do.
            known = CDI.current().select(type).get();
            reference = known;
        }
        return known;
    }
}
