package org.emailsms.gateway.it.account;

import static org.emailsms.gateway.it.support.Faults.assertFault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.emailsms.gateway.it.client.provisioning.CreatedUser;
import org.emailsms.gateway.it.support.GatewayClient;
import org.emailsms.gateway.it.support.Tenants;

/**
 * What must survive a restart of the runtime: accounts, live serials and lockouts. Shared by the
 * restart tests of both runtimes; each restarts its runtime between {@link #before} and {@link #after}.
 */
final class PersistenceAcrossRestart {

    private static final int FAILURES_THAT_LOCK = 11;

    private final GatewayClient gateway;
    private String company;
    private CreatedUser activeUser;
    private String serial;
    private CreatedUser lockedUser;

    PersistenceAcrossRestart(GatewayClient gateway) {
        this.gateway = gateway;
    }

    void before() throws Exception {
        Tenants tenants = new Tenants(gateway);
        company = tenants.newCompany();
        activeUser = tenants.newSender(company);
        serial = gateway.account().activate(activeUser.getUsername(), activeUser.getGeneratedPassword(), "restart test", null);
        lockedUser = tenants.newSender(company);
        for (int i = 0; i < FAILURES_THAT_LOCK; i++) {
            assertFault("AUTH_FAILED", () -> gateway.account().activate(lockedUser.getUsername(), "wrong", null, null));
        }
    }

    void after() throws Exception {
        assertEquals(activeUser.getUsername(), gateway.account().getAccount(serial).getUsername(),
                "the serial issued before the restart still works");
        assertEquals(company, gateway.account().getAccount(serial).getCompany());
        assertTrue(gateway.account().activate(activeUser.getUsername(), activeUser.getGeneratedPassword(), null, null)
                .matches("[0-9]{16}"), "the user and its password are still there");
        assertFault("ACCOUNT_LOCKED",
                () -> gateway.account().activate(lockedUser.getUsername(), lockedUser.getGeneratedPassword(), null, null));
    }
}
