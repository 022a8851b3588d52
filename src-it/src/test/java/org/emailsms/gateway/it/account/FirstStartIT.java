package org.emailsms.gateway.it.account;

import static org.emailsms.gateway.it.support.Faults.assertFault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.emailsms.gateway.it.client.message.Messaging;
import org.emailsms.gateway.it.client.provisioning.CreatedUser;
import org.emailsms.gateway.it.client.provisioning.Credentials;
import org.emailsms.gateway.it.support.Browser;
import org.emailsms.gateway.it.support.Distribution;
import org.emailsms.gateway.it.support.GatewayClient;
import org.emailsms.gateway.it.support.Tenants;
import org.junit.jupiter.api.Test;

/**
 * A gateway started for the first time with no administrator password configured, as an operator
 * who reads nothing would start it (taking messages over HTTPS only, its default): the first password is
 * in a file only the gateway's account can read and in no log, it works once, for choosing a new
 * one, and the file goes once it has been changed; the secret key files are owner-only too.
 */
class FirstStartIT {

    private static final String CHOSEN = "Operator-chose-this-1";

    @Test
    void theFirstAdministratorsGeneratedPasswordIsInAnOwnerOnlyFileAndMustBeChanged() throws Exception {
        Path work = Path.of(System.getProperty("it.work"), "first-start");
        forgetEarlierRuns(work);
        try (Distribution gateway = new Distribution(work, 29080, 29181,
                Map.of("GATEWAY_ADMIN_PASSWORD", ""))) {
            gateway.start("first-start");
            Path file = gateway.dataDir().resolve("initial-admin-password");
            for (Path secret : List.of(file, gateway.dataDir().resolve("content.key"), gateway.dataDir().resolve("serial.key"))) {
                assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(secret), secret.toString());
            }
            assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(gateway.dataDir()));
            List<Path> everything;
            try (Stream<Path> walk = Files.walk(gateway.dataDir())) {
                everything = walk.toList();
            }
            assertTrue(everything.stream().anyMatch(p -> p.toString().endsWith(".mv.db")), "the H2 database is there");
            for (Path path : everything) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                assertTrue(permissions.stream().allMatch(p -> p.name().startsWith("OWNER")),
                        "the database, the broker's store and the keys are the gateway account's only: " + path
                        + " " + PosixFilePermissions.toString(permissions));
            }
            String password = Files.readString(file).strip();
            String log = Files.readString(work.resolve("first-start.log"));
            assertFalse(log.contains(password), "the password is in no log");
            assertTrue(log.contains(file.toString()), "the log says where it is");

            GatewayClient client = gateway.client();
            Credentials given = new Credentials();
            given.setUsername("admin");
            given.setPassword(password);
            // The generated password opens no provisioning until it is changed.
            assertFault("PASSWORD_CHANGE_REQUIRED", () -> new Tenants(client, given).newCompany());
            try (Browser browser = new Browser(client)) {
                browser.signIn("admin", password);
                assertEquals("/admin/password.xhtml", browser.currentPath());
                browser.open("/admin/operations.xhtml");
                assertEquals("/admin/password.xhtml", browser.currentPath(), "nothing but the change form until then");
                browser.type("password:current", password);
                browser.type("password:fresh", "short");
                browser.type("password:repeated", "short");
                browser.click("password:change");
                browser.waitForText("A password needs at least 12 characters.");
                assertTrue(Files.exists(file), "a refused change changes nothing");

                browser.type("password:current", password);
                browser.type("password:fresh", CHOSEN);
                browser.type("password:repeated", CHOSEN);
                browser.click("password:change");
                browser.waitForText("Your password was changed");
                browser.open("/admin/operations.xhtml");
                assertEquals("/admin/operations.xhtml", browser.currentPath());
            }
            assertFalse(Files.exists(file), "the file is deleted once the password is changed");

            Credentials admin = new Credentials();
            admin.setUsername("admin");
            admin.setPassword(CHOSEN);
            Tenants tenants = new Tenants(client, admin);
            CreatedUser sender = tenants.newSender(tenants.newCompany());
            String serial = client.account().activate(sender.getUsername(), sender.getGeneratedPassword(), null, null);
            Messaging overHttp = client.newMessagingPortOverHttp();
            String refusal = assertFault("NOT_AUTHORIZED",
                    () -> overHttp.sendMessage(serial, List.of("0412 345 678"), "Over HTTP", null));
            assertTrue(refusal.contains("has been revoked"), refusal);
            assertFault("AUTH_FAILED", () -> client.messaging().sendMessage(serial, List.of("0412 345 678"), "Exposed", null));
            String fresh = client.account().activate(sender.getUsername(), sender.getGeneratedPassword(), null, null);
            assertEquals("PENDING", client.messaging().sendMessage(fresh, List.of("0412 345 678"), "Over HTTPS", null)
                    .get(0).getStatus());
        }
    }

    @Test
    void aWeakConfiguredFirstPasswordStopsTheStartAndSaysWhy() throws Exception {
        Path work = Path.of(System.getProperty("it.work"), "weak-first-password");
        forgetEarlierRuns(work);
        try (Distribution gateway = new Distribution(work, 29082, 29183, Map.of("GATEWAY_ADMIN_PASSWORD", "change-me"))) {
            Process started = gateway.launch("weak");

            assertTrue(started.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the start is refused at once");
            assertEquals(2, started.exitValue());
            String log = Files.readString(gateway.log("weak"));
            assertTrue(log.contains("does not meet the password policy"), log);
            assertFalse(log.contains("change-me"), "the password itself is not repeated");
        }
    }

    /** A first start needs an empty data directory. */
    private static void forgetEarlierRuns(Path work) throws IOException {
        if (Files.exists(work)) {
            try (Stream<Path> paths = Files.walk(work)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
