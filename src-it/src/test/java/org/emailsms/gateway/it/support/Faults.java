package org.emailsms.gateway.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Asserts on the API's typed faults, whichever generated client package they come from. */
public final class Faults {

    /** A SOAP call that is expected to fail. */
    @FunctionalInterface
    public interface SoapCall {
        void call() throws Exception;
    }

    private Faults() {
    }

    /** Runs the call, asserts that it fails with the given fault code, and returns the fault's message. */
    public static String assertFault(String expectedCode, SoapCall call) {
        try {
            call.call();
        } catch (org.emailsms.gateway.it.client.account.GatewayFault e) {
            assertEquals(expectedCode, e.getFaultInfo().getCode(), e.getFaultInfo().getMessage());
            return e.getFaultInfo().getMessage();
        } catch (org.emailsms.gateway.it.client.provisioning.GatewayFault e) {
            assertEquals(expectedCode, e.getFaultInfo().getCode(), e.getFaultInfo().getMessage());
            return e.getFaultInfo().getMessage();
        } catch (org.emailsms.gateway.it.client.message.GatewayFault e) {
            assertEquals(expectedCode, e.getFaultInfo().getCode(), e.getFaultInfo().getMessage());
            return e.getFaultInfo().getMessage();
        } catch (Exception e) {
            throw new AssertionError("expected fault " + expectedCode + " but got " + e, e);
        }
        return fail("expected fault " + expectedCode + " but the call succeeded");
    }
}
