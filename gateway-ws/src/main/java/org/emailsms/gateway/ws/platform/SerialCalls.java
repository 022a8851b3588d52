package org.emailsms.gateway.ws.platform;

import java.time.Instant;

import jakarta.xml.ws.WebServiceContext;

import org.emailsms.gateway.account.boundary.AuthenticationFailedException;
import org.emailsms.gateway.account.control.SerialGuessGuard;
import org.emailsms.gateway.platform.boundary.ErrorCode;
import org.emailsms.gateway.ws.platform.Calls.BoundaryCall;

/**
 * Calls that carry an add-in's serial number: a client address that has shown too many unknown
 * serials is refused before any lookup ({@link SerialGuessGuard}), and each unknown one is counted.
 */
public final class SerialCalls {

    private static final Boundary<SerialGuessGuard> GUARD = Boundary.of(SerialGuessGuard.class);

    private SerialCalls() {
    }

    public static <T> T invoke(WebServiceContext context, BoundaryCall<T> call) throws GatewayFault {
        String clientIp = Callers.clientIp(context);
        SerialGuessGuard guard = GUARD.get();
        if (guard.refuses(clientIp, Instant.now())) {
            throw new GatewayFault(ErrorCode.AUTH_FAILED,
                    "Too many unknown serial numbers from this address: try again later.");
        }
        return Calls.invoke(() -> {
            try {
                return call.call();
            } catch (AuthenticationFailedException unknown) {
                guard.recordUnknown(clientIp, Instant.now());
                throw unknown;
            }
        });
    }

    public static void run(WebServiceContext context, Calls.BoundaryAction action) throws GatewayFault {
        invoke(context, () -> {
            action.run();
            return null;
        });
    }
}
