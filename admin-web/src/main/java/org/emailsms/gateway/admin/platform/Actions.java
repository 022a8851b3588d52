package org.emailsms.gateway.admin.platform;

import org.emailsms.gateway.platform.boundary.GatewayException;
import org.omnifaces.util.Messages;

/**
 * Runs a boundary call for a page: a business refusal becomes an error message on the page and
 * the page stays as it was; success may say so.
 */
public final class Actions {

    /** A boundary call that may refuse. */
    @FunctionalInterface
    public interface Call {
        void run() throws GatewayException;
    }

    private Actions() {
    }

    public static boolean run(Call call, String success) {
        try {
            call.run();
            if (success != null) {
                Messages.addGlobalInfo(success);
            }
            return true;
        } catch (GatewayException refused) {
            Messages.addGlobalError(refused.getMessage());
            return false;
        }
    }
}
