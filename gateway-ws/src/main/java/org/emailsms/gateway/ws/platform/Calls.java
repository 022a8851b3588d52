package org.emailsms.gateway.ws.platform;

import org.emailsms.gateway.platform.boundary.GatewayException;

/** Runs a boundary call and turns every failure into the API's typed fault. */
public final class Calls {

    /** A boundary call that may fail in an expected way. */
    @FunctionalInterface
    public interface BoundaryCall<T> {
        T call() throws GatewayException;
    }

    /** A boundary call without a result. */
    @FunctionalInterface
    public interface BoundaryAction {
        void run() throws GatewayException;
    }

    private Calls() {
    }

    public static <T> T invoke(BoundaryCall<T> call) throws GatewayFault {
        try {
            return call.call();
        } catch (GatewayException e) {
            throw GatewayFault.of(e);
        } catch (RuntimeException e) {
            throw GatewayFault.internal(e);
        }
    }

    public static void run(BoundaryAction action) throws GatewayFault {
        invoke(() -> {
            action.run();
            return null;
        });
    }
}
