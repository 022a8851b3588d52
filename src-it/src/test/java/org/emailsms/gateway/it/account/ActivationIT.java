package org.emailsms.gateway.it.account;

import static org.emailsms.gateway.it.support.Faults.assertFault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.emailsms.gateway.it.client.account.AccountDetails;
import org.emailsms.gateway.it.client.provisioning.CompanySpec;
import org.emailsms.gateway.it.client.provisioning.CreatedUser;
import org.emailsms.gateway.it.client.provisioning.Credentials;
import org.emailsms.gateway.it.client.provisioning.LoginAttempt;
import org.emailsms.gateway.it.client.provisioning.UserSpec;
import org.emailsms.gateway.it.support.Artifacts;
import org.emailsms.gateway.it.support.GatewayClient;
import org.emailsms.gateway.it.support.Metrics;
import org.emailsms.gateway.it.support.Tenants;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Add-in activation and provisioning over SOAP against the deployed gateway: the Micro WAR or the
 * EAR on Payara Server, on H2 or PostgreSQL, depending on the failsafe execution.
 */
@ExtendWith(ArquillianExtension.class)
class ActivationIT {

    private static final int LOCKOUT_THRESHOLD = 10;
    /** The gateway's defaults: failed sign-ins an hour from one client, unknown serials in 10 minutes. */
    private static final int CLIENT_FAILURE_LIMIT = 200;
    private static final int UNKNOWN_SERIAL_LIMIT = 100;

    private final GatewayClient gateway = GatewayClient.underTest();
    private final Tenants tenants = new Tenants(gateway);

    @Deployment(testable = false)
    static Archive<?> gateway() {
        return Artifacts.underTest();
    }

    @Test
    void servesTheWsdlOfEveryEndpointOverHttps() throws Exception {
        for (String service : List.of("account", "provisioning")) {
            HttpResponse<String> wsdl = gateway.get(gateway.https("/ws/" + service + "?wsdl"));
            assertEquals(200, wsdl.statusCode(), service);
            assertTrue(wsdl.body().contains("targetNamespace=\"urn:emailsms:gateway:v1\""), wsdl.body());
        }
    }

    @Test
    void refusesCredentialsOverPlainHttp() throws Exception {
        HttpResponse<String> response = gateway.get(gateway.http("/ws/account?wsdl"));
        assertEquals(302, response.statusCode());
        assertTrue(response.headers().firstValue("Location").orElseThrow().startsWith("https://"));
    }

    @Test
    void isReadyWithDatabaseAndBroker() throws Exception {
        HttpResponse<String> health = gateway.get(gateway.http("/health/ready"));
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"database\""), health.body());
        assertTrue(health.body().contains("\"broker\""), health.body());
    }

    @Test
    void aProvisionedUserActivatesAndGetsASixteenDigitSerial() throws Exception {
        String company = tenants.newCompany();
        CreatedUser user = tenants.newSender(company);

        String serial = gateway.account().activate(user.getUsername(), user.getGeneratedPassword(), "Outlook add-in IT", null);

        assertTrue(serial.matches("[1-9][0-9]{15}"), serial);
        AccountDetails account = gateway.account().getAccount(serial);
        assertEquals(user.getUsername(), account.getUsername());
        assertEquals(company, account.getCompany());
        assertEquals("SENDER", account.getRole());
        assertEquals("+61412345678", account.getMobile());
        String second = gateway.account().activate(user.getUsername().toUpperCase(), user.getGeneratedPassword(), null, null);
        assertNotEquals(serial, second, "every activation gets its own serial");
    }

    @Test
    void elevenWrongPasswordsBlockTheAccountEvenForTheRightPassword() throws Exception {
        CreatedUser user = tenants.newSender(tenants.newCompany());
        // The user's first sign-in chose their own password.
        int before = gateway.provisioning().getLoginAttempts(gateway.administrator(), user.getUsername(), 100).size();

        for (int attempt = 1; attempt <= LOCKOUT_THRESHOLD + 1; attempt++) {
            assertFault("AUTH_FAILED", () -> gateway.account().activate(user.getUsername(), "wrong", null, null));
        }

        assertFault("ACCOUNT_LOCKED", () -> gateway.account().activate(user.getUsername(), user.getGeneratedPassword(), null, null));
        List<LoginAttempt> audit = gateway.provisioning().getLoginAttempts(gateway.administrator(), user.getUsername(), 100)
                .subList(0, LOCKOUT_THRESHOLD + 2);
        assertEquals(before + LOCKOUT_THRESHOLD + 2, gateway.provisioning().getLoginAttempts(gateway.administrator(),
                user.getUsername(), 100).size(), "every attempt is in the login audit");
        assertEquals("LOCKED", audit.get(0).getOutcome());
        assertTrue(audit.stream().skip(1).allMatch(a -> a.getOutcome().equals("BAD_PASSWORD")));
        assertTrue(audit.stream().allMatch(a -> a.getClientIp().equals(gateway.address()) && a.getChannel().equals("SOAP")
                && a.getAttemptedAt() != null), "with time, client IP (behind the trusted proxy) and channel");
        gateway.provisioning().unlockUser(gateway.administrator(), user.getUsername());
        assertTrue(gateway.account().activate(user.getUsername(), user.getGeneratedPassword(), null, null).matches("[0-9]{16}"));
    }

    @Test
    void tenWrongPasswordsDoNotBlock() throws Exception {
        CreatedUser user = tenants.newSender(tenants.newCompany());

        for (int attempt = 1; attempt <= LOCKOUT_THRESHOLD; attempt++) {
            assertFault("AUTH_FAILED", () -> gateway.account().activate(user.getUsername(), "wrong", null, null));
        }

        assertTrue(gateway.account().activate(user.getUsername(), user.getGeneratedPassword(), null, null).matches("[0-9]{16}"));
    }

    /**
     * Fifty wrong passwords at once: each check is reserved before it is made, so exactly threshold + 1
     * are checked (the one past the threshold sets the block) and every other is refused unchecked.
     */
    @Test
    void fiftyParallelWrongPasswordsGetExactlyThresholdPlusOneChecks() throws Exception {
        CreatedUser user = tenants.newSender(tenants.newCompany());
        int attempts = 50;
        List<String> codes = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                answers.add(clients.submit(() -> {
                    try {
                        gateway.account().activate(user.getUsername(), "wrong", null, null);
                        return "ACTIVATED";
                    } catch (org.emailsms.gateway.it.client.account.GatewayFault fault) {
                        return fault.getFaultInfo().getCode();
                    }
                }));
            }
            for (Future<String> answer : answers) {
                codes.add(answer.get());
            }
        } finally {
            clients.shutdownNow();
        }

        assertEquals(LOCKOUT_THRESHOLD + 1, codes.stream().filter("AUTH_FAILED"::equals).count(), codes.toString());
        assertEquals(attempts - LOCKOUT_THRESHOLD - 1, codes.stream().filter("ACCOUNT_LOCKED"::equals).count(), codes.toString());
        assertFault("ACCOUNT_LOCKED", () -> gateway.account().activate(user.getUsername(), user.getGeneratedPassword(), null, null));
        List<LoginAttempt> audit = gateway.provisioning().getLoginAttempts(gateway.administrator(), user.getUsername(), 100);
        assertEquals(LOCKOUT_THRESHOLD + 1, audit.stream().filter(a -> a.getOutcome().equals("BAD_PASSWORD")).count());
    }

    /** Whether a username exists shows neither in the codes nor in the messages: unknown ones lock alike. */
    @Test
    void anUnknownUsernameLocksLikeAKnownOne() throws Exception {
        CreatedUser known = tenants.newSender(tenants.newCompany());
        String unknown = Tenants.unique("nobody");
        List<String> answers = new ArrayList<>();
        for (String username : List.of(known.getUsername(), unknown)) {
            for (int attempt = 1; attempt <= LOCKOUT_THRESHOLD + 1; attempt++) {
                answers.add(assertFault("AUTH_FAILED", () -> gateway.account().activate(username, "wrong", null, null)));
            }
            answers.add(assertFault("ACCOUNT_LOCKED", () -> gateway.account().activate(username, "any", null, null)));
        }

        assertEquals(answers.subList(0, LOCKOUT_THRESHOLD + 2), answers.subList(LOCKOUT_THRESHOLD + 2, answers.size()));
    }

    /** Failed sign-ins across any usernames from one client are bounded, which bounds the hashing work it causes. */
    @Test
    void oneClientAddressGetsAtMostItsLimitOfFailedSignInsAcrossAllUsernames() throws Exception {
        GatewayClient attacker = gateway.as(GatewayClient.randomAddress());
        CreatedUser victim = tenants.newSender(tenants.newCompany());
        for (int i = 0; i < CLIENT_FAILURE_LIMIT; i++) {
            assertFault("AUTH_FAILED", () -> attacker.account().activate(Tenants.unique("guess"), "wrong", null, null));
        }

        String refused = assertFault("ACCOUNT_LOCKED",
                () -> attacker.account().activate(victim.getUsername(), victim.getGeneratedPassword(), null, null));

        assertTrue(refused.contains("this address"), refused);
        assertTrue(gateway.account().activate(victim.getUsername(), victim.getGeneratedPassword(), null, null).matches("[0-9]{16}"),
                "other clients are not affected, nor is the account");
        LoginAttempt blocked = gateway.provisioning().getLoginAttempts(gateway.administrator(), victim.getUsername(), 10)
                .stream().filter(a -> a.getOutcome().equals("CLIENT_BLOCKED")).findFirst()
                .orElseThrow(() -> new AssertionError("the refusal is in the login audit"));
        assertEquals(attacker.address(), blocked.getClientIp(), "the audit has the client behind the trusted proxy");
    }

    /** Guessing serials costs a lookup each only up to a limit per client address. */
    @Test
    void anAddressThatShowsManyUnknownSerialsIsRefusedWithoutALookup() throws Exception {
        GatewayClient guesser = gateway.as(GatewayClient.randomAddress());
        CreatedUser user = tenants.newSender(tenants.newCompany());
        String serial = gateway.account().activate(user.getUsername(), user.getGeneratedPassword(), null, null);
        long unknownBefore = Metrics.gauge(gateway, "gateway_serial_unknown");
        for (int i = 0; i <= UNKNOWN_SERIAL_LIMIT; i++) {
            String guess = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L, 9_999_999_999_999_999L));
            assertFault("AUTH_FAILED", () -> guesser.account().getAccount(guess));
        }

        String refused = assertFault("AUTH_FAILED", () -> guesser.account().getAccount(serial));

        assertTrue(refused.contains("Too many unknown serial numbers"), refused);
        assertFault("AUTH_FAILED", () -> guesser.messaging().getStatus(serial, List.of(1L)));
        assertEquals(user.getUsername(), gateway.account().getAccount(serial).getUsername(), "from elsewhere it works");
        assertTrue(Metrics.gauge(gateway, "gateway_serial_unknown") >= unknownBefore + UNKNOWN_SERIAL_LIMIT + 1);
        assertTrue(Metrics.gauge(gateway, "gateway_serial_refused_unchecked") >= 2);
    }

    /** What browsers are told on every response, and the portal's session cookie. */
    @Test
    void responsesCarryTheSecurityHeadersAndTheSessionCookieItsAttributes() throws Exception {
        HttpResponse<String> wsdl = gateway.get(gateway.https("/ws/account?wsdl"));
        assertEquals("max-age=31536000", wsdl.headers().firstValue("Strict-Transport-Security").orElse(null));
        assertEquals("nosniff", wsdl.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals("same-origin", wsdl.headers().firstValue("Referrer-Policy").orElse(null));
        assertTrue(gateway.get(gateway.http("/ws/message?wsdl")).headers().firstValue("Strict-Transport-Security").isEmpty(),
                "HSTS only over HTTPS");

        HttpResponse<String> login = gateway.get(gateway.https("/login.xhtml"));
        assertEquals(200, login.statusCode());
        assertEquals("DENY", login.headers().firstValue("X-Frame-Options").orElse(null));
        assertEquals("frame-ancestors 'none'", login.headers().firstValue("Content-Security-Policy").orElse(null));
        assertEquals("no-store", login.headers().firstValue("Cache-Control").orElse(null));
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + login.headers()));
        for (String attribute : List.of("secure", "httponly", "samesite=lax")) {
            assertTrue(cookie.toLowerCase(Locale.ROOT).contains(attribute), attribute + " in " + cookie);
        }
    }

    @Test
    void aDisabledUserOrCompanyIsRefused() throws Exception {
        String company = tenants.newCompany();
        CreatedUser alice = tenants.newSender(company);
        CreatedUser bob = tenants.newSender(company);
        String bobsSerial = gateway.account().activate(bob.getUsername(), bob.getGeneratedPassword(), null, null);

        gateway.provisioning().setUserStatus(gateway.administrator(), alice.getUsername(), "DISABLED");
        assertFault("ACCOUNT_DISABLED", () -> gateway.account().activate(alice.getUsername(), alice.getGeneratedPassword(), null, null));
        assertFault("AUTH_FAILED", () -> gateway.account().activate(alice.getUsername(), "wrong", null, null));

        gateway.provisioning().setCompanyStatus(gateway.administrator(), company, "DISABLED");
        assertFault("ACCOUNT_DISABLED", () -> gateway.account().getAccount(bobsSerial));
        gateway.provisioning().setCompanyStatus(gateway.administrator(), company, "ACTIVE");
        assertEquals(bob.getUsername(), gateway.account().getAccount(bobsSerial).getUsername());
    }

    @Test
    void revokedAndUnknownSerialsAreRefused() throws Exception {
        CreatedUser user = tenants.newSender(tenants.newCompany());
        String serial = gateway.account().activate(user.getUsername(), user.getGeneratedPassword(), null, null);

        assertEquals(1, gateway.provisioning().revokeActivations(gateway.administrator(), user.getUsername()));

        assertFault("AUTH_FAILED", () -> gateway.account().getAccount(serial));
        assertFault("AUTH_FAILED", () -> gateway.account().getAccount("1234567890123456"));
        assertFault("AUTH_FAILED", () -> gateway.account().getAccount("not a serial"));
        String fresh = gateway.account().activate(user.getUsername(), user.getGeneratedPassword(), null, null);
        gateway.account().deactivate(fresh);
        assertFault("AUTH_FAILED", () -> gateway.account().getAccount(fresh));
    }

    /**
     * A generated password opens nothing but the change, and says so only to whoever knows it; the
     * change signs the user's add-ins out unless they keep them.
     */
    @Test
    void aGivenPasswordOpensNothingButTheChangeWhichSignsTheAddInsOut() throws Exception {
        String company = tenants.newCompany();
        CreatedUser admin = tenants.newUserWithGivenPassword(company, "COMPANY_ADMIN");
        String name = admin.getUsername();
        String given = admin.getGeneratedPassword();
        Credentials withGiven = new Credentials();
        withGiven.setUsername(name);
        withGiven.setPassword(given);
        assertFault("PASSWORD_CHANGE_REQUIRED", () -> gateway.provisioning().createDepartment(withGiven, company, "Ops", null));
        assertFault("PASSWORD_CHANGE_REQUIRED", () -> gateway.account().activate(name, given, "IT", null));
        assertFault("AUTH_FAILED", () -> gateway.account().activate(name, given + "x", "IT", null));
        assertFault("INVALID_REQUEST", () -> gateway.account().changePassword(name, given, "short", null));
        assertFault("AUTH_FAILED", () -> gateway.account().changePassword(name, given + "x", Tenants.chosenPassword(), null));

        String first = Tenants.chosenPassword();
        gateway.account().changePassword(name, given, first, null);
        assertFault("AUTH_FAILED", () -> gateway.account().activate(name, given, "IT", null));
        String serial = gateway.account().activate(name, first, "IT", null);
        Credentials withFirst = new Credentials();
        withFirst.setUsername(name);
        withFirst.setPassword(first);
        gateway.provisioning().createDepartment(withFirst, company, "Ops", null);

        String second = Tenants.chosenPassword();
        gateway.account().changePassword(name, first, second, true);
        assertEquals(name, gateway.account().getAccount(serial).getUsername(), "kept signed in when asked");
        gateway.account().changePassword(name, second, Tenants.chosenPassword(), false);
        assertFault("AUTH_FAILED", () -> gateway.account().getAccount(serial));
    }

    /**
     * The machine's operator unlocks a locked administrator and resets a password with the
     * distribution's command, which reads the operator token from the data directory; without the
     * token nothing is done.
     */
    @Test
    void theMachinesOperatorUnlocksAndResetsAnAdministrator() throws Exception {
        String company = tenants.newCompany();
        CreatedUser admin = tenants.newUser(company, "COMPANY_ADMIN");
        Credentials right = new Credentials();
        right.setUsername(admin.getUsername());
        right.setPassword(admin.getGeneratedPassword());
        Credentials wrong = new Credentials();
        wrong.setUsername(admin.getUsername());
        wrong.setPassword("wrong-" + admin.getGeneratedPassword());
        for (int attempt = 1; attempt <= LOCKOUT_THRESHOLD + 1; attempt++) {
            assertFault("AUTH_FAILED", () -> gateway.provisioning().createDepartment(wrong, company, "Ops", null));
        }
        assertFault("ACCOUNT_LOCKED", () -> gateway.provisioning().createDepartment(right, company, "Ops", null));

        Operator unlocked = operator("unlock", admin.getUsername());
        assertEquals(0, unlocked.exit(), unlocked.output());
        assertTrue(unlocked.output().contains("Unlocked"), unlocked.output());
        gateway.provisioning().createDepartment(right, company, "Ops", null);

        Operator reset = operator("reset-password", admin.getUsername());
        assertEquals(0, reset.exit(), reset.output());
        java.util.regex.Matcher given = java.util.regex.Pattern.compile("New password for '[^']+': (\\S+)").matcher(reset.output());
        assertTrue(given.find(), reset.output());
        assertFault("AUTH_FAILED", () -> gateway.provisioning().createDepartment(right, company, "Sales", null));
        Credentials withGiven = new Credentials();
        withGiven.setUsername(admin.getUsername());
        withGiven.setPassword(given.group(1));
        assertFault("PASSWORD_CHANGE_REQUIRED", () -> gateway.provisioning().createDepartment(withGiven, company, "Sales", null));

        HttpResponse<String> forged = gateway.postForm(gateway.http("/operator/unlock"), "Bearer not-the-token",
                "user=" + admin.getUsername());
        assertEquals(403, forged.statusCode(), forged.body());
        Operator unknown = operator("unlock", "nobody-" + admin.getUsername());
        assertEquals(1, unknown.exit(), unknown.output());
    }

    private record Operator(int exit, String output) {
    }

    /** The distribution's gateway-admin command, run as the operator of this machine would. */
    private static Operator operator(String command, String user) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", System.getProperty("it.micro.dist") + "/bin/gateway-admin",
                command, user).redirectErrorStream(true);
        builder.environment().put("GATEWAY_DATA_DIR", System.getProperty("it.data.dir"));
        builder.environment().put("GATEWAY_HTTP_PORT", System.getProperty("it.http.port"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return new Operator(process.waitFor(), output);
    }

    @Test
    void badProvisioningInputIsRefusedAndStoresNothing() throws Exception {
        String company = tenants.newCompany();
        UserSpec user = new UserSpec();
        user.setCompany(company);
        user.setUsername(Tenants.unique("bad"));
        user.setEmail(user.getUsername() + "@example.test");
        user.setMobile("12");

        assertFault("INVALID_REQUEST", () -> gateway.provisioning().createUser(gateway.administrator(), user));
        user.setMobile(null);
        user.setEmail("not an email");
        assertFault("INVALID_REQUEST", () -> gateway.provisioning().createUser(gateway.administrator(), user));

        user.setEmail(user.getUsername() + "@example.test");
        CreatedUser created = gateway.provisioning().createUser(gateway.administrator(), user);
        assertEquals(user.getUsername(), created.getUsername(), "the refused attempts left nothing behind");
        assertFault("ALREADY_EXISTS", () -> gateway.provisioning().createUser(gateway.administrator(), user));

        CompanySpec nowhere = new CompanySpec();
        nowhere.setName(Tenants.unique("Nowhere"));
        nowhere.setHomeCountry("XX");
        nowhere.setTimeZone("Australia/Sydney");
        assertFault("INVALID_REQUEST", () -> gateway.provisioning().createCompany(gateway.administrator(), nowhere));
        nowhere.setHomeCountry("AU");
        nowhere.setTimeZone("Mars/Olympus");
        assertFault("INVALID_REQUEST", () -> gateway.provisioning().createCompany(gateway.administrator(), nowhere));
    }

    @Test
    void aCompanyAdministratorReachesOnlyItsOwnCompany() throws Exception {
        String acme = tenants.newCompany();
        String globex = tenants.newCompany();
        CreatedUser acmeAdmin = tenants.newUser(acme, "COMPANY_ADMIN");
        CreatedUser globexUser = tenants.newSender(globex);
        Credentials asAcmeAdmin = new Credentials();
        asAcmeAdmin.setUsername(acmeAdmin.getUsername());
        asAcmeAdmin.setPassword(acmeAdmin.getGeneratedPassword());

        assertFault("NOT_FOUND", () -> gateway.provisioning().setUserStatus(asAcmeAdmin, globexUser.getUsername(), "DISABLED"));
        assertFault("NOT_FOUND", () -> gateway.provisioning().createDepartment(asAcmeAdmin, globex, "Sales", null));
        assertFault("NOT_FOUND", () -> gateway.provisioning().getLoginAttempts(asAcmeAdmin, globexUser.getUsername(), 10));
        assertFault("NOT_AUTHORIZED", () -> gateway.provisioning().setCompanyStatus(asAcmeAdmin, globex, "DISABLED"));
        assertTrue(gateway.account().activate(globexUser.getUsername(), globexUser.getGeneratedPassword(), null, null).matches("[0-9]{16}"),
                "the other company's user is untouched");

        gateway.provisioning().createDepartment(asAcmeAdmin, acme, "Sales", 100);
        UserSpec salesRep = new UserSpec();
        salesRep.setCompany(acme);
        salesRep.setDepartment("Sales");
        salesRep.setUsername(Tenants.unique("rep"));
        salesRep.setEmail(salesRep.getUsername() + "@example.test");
        salesRep.setPassword("chosen-Passw0rd");
        CreatedUser rep = gateway.provisioning().createUser(asAcmeAdmin, salesRep);
        assertNull(rep.getGeneratedPassword(), "a chosen password is not echoed back");
        String serial = gateway.account().activate(rep.getUsername(), "chosen-Passw0rd", null, null);
        assertEquals("Sales", gateway.account().getAccount(serial).getDepartment());

        CreatedUser sender = tenants.newSender(acme);
        Credentials asSender = new Credentials();
        asSender.setUsername(sender.getUsername());
        asSender.setPassword(sender.getGeneratedPassword());
        assertFault("NOT_AUTHORIZED", () -> gateway.provisioning().createDepartment(asSender, acme, "Ops", null));
    }
}
