package org.emailsms.gateway.it.portal;

import static org.emailsms.gateway.it.support.Faults.assertFault;
import static org.emailsms.gateway.it.support.Messages.awaitEmail;
import static org.emailsms.gateway.it.support.Messages.randomMobile;
import static org.emailsms.gateway.it.support.Messages.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

import org.emailsms.gateway.it.client.message.RecipientResult;
import org.emailsms.gateway.it.client.provisioning.CreatedUser;
import org.emailsms.gateway.it.client.provisioning.UserSpec;
import org.emailsms.gateway.it.support.Artifacts;
import org.emailsms.gateway.it.support.Browser;
import org.emailsms.gateway.it.support.GatewayClient;
import org.emailsms.gateway.it.support.Messages;
import org.emailsms.gateway.it.support.OutlookClient;
import org.emailsms.gateway.it.support.Poll;
import org.emailsms.gateway.it.support.Tenants;
import org.emailsms.gateway.it.support.TestSmsc;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The administration portal in headless Chromium: sign-in, departments,
 * users and their activation emails, bulk upload, quotas and restrictions that the SOAP API then
 * enforces, the transaction report and its CSV export, and one company's administrator kept out of
 * another company whatever ids are typed into URLs or forms.
 */
@ExtendWith(ArquillianExtension.class)
class PortalIT {

    private static final Pattern PASSWORD = Pattern.compile("Password: (\\S+)");
    private static final Pattern COMPANY_ID = Pattern.compile("company=(\\d+)");
    private static final Pattern USER_ID = Pattern.compile("user=(\\d+)");

    @RegisterExtension
    static final TestSmsc smsc = TestSmsc.onTheGatewaysPort();

    @RegisterExtension
    static final GreenMailExtension MAIL =
            new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    private final GatewayClient gateway = GatewayClient.underTest();
    private final Tenants tenants = new Tenants(gateway);
    private Browser browser;

    @Deployment(testable = false)
    static Archive<?> gateway() {
        return Artifacts.underTest();
    }

    @BeforeEach
    void openBrowser() {
        browser = new Browser(gateway);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void anAdministratorSignsInAndOutAndTheAuditSaysSo() throws Exception {
        String company = tenants.newCompany();
        CreatedUser admin = tenants.newUser(company, "COMPANY_ADMIN");

        browser.open("/admin/users.xhtml");
        assertEquals("/login.xhtml", browser.currentPath(), "the portal asks who you are first");
        browser.signIn(admin.getUsername(), "wrong-" + admin.getGeneratedPassword());
        browser.waitForText("Sign-in failed");
        browser.signIn(admin.getUsername(), admin.getGeneratedPassword());
        assertEquals("Welcome, " + admin.getUsername(), browser.text("welcome"));

        browser.open("/admin/audit.xhtml");
        browser.waitForText("Wrong password");
        assertTrue(browser.texts(By.cssSelector(".auditOutcome")).containsAll(List.of("Wrong password", "Signed in")));
        // Filtered by outcome, in the words the page shows: the one wrong password only.
        browser.type(By.xpath("//th[.//span[text()='Outcome']]//input"), "wrong");
        browser.waitUntil("only the wrong password left",
                () -> browser.texts(By.cssSelector(".auditOutcome")).equals(List.of("Wrong password")));
        assertEquals(List.of(admin.getUsername()), browser.texts(By.cssSelector(".auditUser")));
        // And by day: none from tomorrow on, both on the day they were made.
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        browser.open("/admin/audit.xhtml");
        browser.script("document.getElementById('audit:from_input').value = '" + today.plusDays(1) + "';");
        browser.click("audit:apply");
        browser.waitForText("No sign-in attempt matches.");
        browser.script("document.getElementById('audit:from_input').value = '" + today.minusDays(1) + "';"
                + " document.getElementById('audit:to_input').value = '" + today.plusDays(1) + "';");
        browser.click("audit:apply");
        browser.waitUntil("the day's attempts again",
                () -> browser.texts(By.cssSelector(".auditOutcome")).containsAll(List.of("Wrong password", "Signed in")));

        browser.signOut();
        assertEquals("/login.xhtml", browser.currentPath());
        browser.open("/admin/index.xhtml");
        assertEquals("/login.xhtml", browser.currentPath(), "signed out means signed out");
    }

    /** After a wrong password, a bookmarked page or the sign-in page itself still asks who you are. */
    @Test
    void aWrongPasswordLeavesEveryPageAskingForASignIn() throws Exception {
        CreatedUser admin = tenants.newUser(tenants.newCompany(), "COMPANY_ADMIN");
        browser.signIn(admin.getUsername(), "wrong-" + admin.getGeneratedPassword());
        browser.waitForText("Sign-in failed");

        for (String bookmarked : List.of("/admin/reports.xhtml", "/admin/users.xhtml", "/login.xhtml")) {
            browser.open(bookmarked);
            assertEquals("/login.xhtml", browser.currentPath(), bookmarked);
            assertTrue(browser.pageText().contains("Password"), bookmarked + " shows the sign-in form: " + browser.pageText());
        }
        browser.signIn(admin.getUsername(), admin.getGeneratedPassword());
        assertEquals("Welcome, " + admin.getUsername(), browser.text("welcome"));
    }

    /** After signing out, Back shows the sign-in form, not the pages the administrator saw; no page may be stored. */
    @Test
    void afterSigningOutBackShowsNothingOfTheAdministratorsPages() throws Exception {
        CreatedUser admin = tenants.newUser(tenants.newCompany(), "COMPANY_ADMIN");
        browser.signIn(admin.getUsername(), admin.getGeneratedPassword());
        browser.open("/admin/users.xhtml");
        browser.waitForText(admin.getUsername());

        browser.signOut();
        browser.back();

        assertFalse(browser.pageText().contains("Welcome, " + admin.getUsername()), browser.pageText());
        assertEquals("/login.xhtml", browser.currentPath());
        browser.signIn(admin.getUsername(), admin.getGeneratedPassword());
        for (String page : List.of("/", "/admin/users.xhtml")) {
            HttpResponse<String> answer = gateway.get(gateway.https(page), browser.sessionCookie());
            assertEquals(200, answer.statusCode(), page);
            assertEquals(Optional.of("no-store"), answer.headers().firstValue("Cache-Control"), page);
        }
    }

    @Test
    void theProviderCreatesACompanyWithAQuotaWatchesTheBindsAndDisablesTheCompany() throws Exception {
        browser.signIn("admin", System.getProperty("it.admin.password"));
        String name = Tenants.unique("Portal");
        browser.open("/admin/companies.xhtml");
        browser.type("companies:name", name);
        browser.typeNumber("companies:dailyQuota", "1");
        browser.click("companies:create");
        browser.waitForText("Company '" + name + "' created.");
        CreatedUser sender = tenants.newSender(name);
        String serial = gateway.account().activate(sender.getUsername(), sender.getGeneratedPassword(), null, null);

        assertEquals("PENDING", gateway.messaging().sendMessage(serial, List.of(randomMobile()), "One", null)
                .get(0).getStatus());
        assertFault("QUOTA_EXCEEDED", () -> gateway.messaging().sendMessage(serial, List.of(randomMobile()),
                "One too many for the company", null));

        browser.open("/admin/operations.xhtml");
        browser.waitForText("127.0.0.1:" + System.getProperty("it.smsc.port"));
        assertTrue(browser.text("binds").contains("(this page)"), "each bind under its node: " + browser.text("binds"));
        assertEquals(List.of("default"), browser.texts(By.cssSelector(".carrierName")), "one carrier: the gateway.smsc keys");
        assertTrue(browser.text("carriers").contains(" of 2"), "its two binds: " + browser.text("carriers"));
        assertTrue(browser.text("routes").contains("No routes: every message goes through the default carrier"),
                browser.text("routes"));

        // Did the new user's activation email go out? The operator searches the outbox by address.
        String address = sender.getUsername() + "@example.test";
        awaitEmail(MAIL, address, "Your EmailSMS account");
        browser.type("mailSearch:recipient", sender.getUsername().toUpperCase(java.util.Locale.ROOT));
        browser.waitUntil("the email shown as sent", () -> {
            browser.click("mailSearch:find");
            return browser.texts(By.cssSelector(".mailStatus")).equals(List.of("Sent"));
        });
        assertEquals(List.of(address), browser.texts(By.cssSelector(".mailTo")));
        browser.type("mailSearch:recipient", "%");
        browser.click("mailSearch:find");
        browser.waitForText("No email to an address containing '%'.");

        browser.open("/admin/companies.xhtml");
        findCompany(name);
        browser.click(By.xpath("//tr[td/a[text()='" + name + "']]//button[.//span[text()='Disable']]"));
        browser.waitForText("Its users can no longer sign in or send.");
        browser.click(By.cssSelector(".ui-confirmdialog-yes"));
        browser.waitForText("Company '" + name + "' is now disabled.");
        assertFault("ACCOUNT_DISABLED", () -> gateway.messaging().sendMessage(serial, List.of(randomMobile()),
                "From a disabled company", null));
    }

    /** The provider adds a carrier on its page, is told what is wrong first, sees it on Operations, and removes it. */
    @Test
    void theProviderAddsACarrierAndRemovesIt() throws Exception {
        browser.signIn("admin", System.getProperty("it.admin.password"));
        browser.open("/admin/carriers.xhtml");
        assertEquals(List.of("default"), browser.texts(By.cssSelector(".carrierName")));
        assertTrue(browser.text("list:carriers").contains("configuration"), browser.text("list:carriers"));

        browser.type("carrier:name", "Second Carrier");
        browser.type("carrier:host", "127.0.0.1");
        browser.click("carrier:save");
        browser.waitForText("'Second Carrier' is not a carrier name");

        browser.type("carrier:name", "second");
        browser.type("carrier:password", "pw1");
        browser.click("carrier:save");
        browser.waitForText("Carrier second saved");
        assertEquals(List.of("default", "second"), browser.texts(By.cssSelector(".carrierName")));
        assertTrue(browser.text("list:carriers").contains("added here") && browser.text("list:carriers").contains("set"),
                browser.text("list:carriers"));
        browser.open("/admin/operations.xhtml");
        assertTrue(browser.texts(By.cssSelector(".carrierName")).contains("second"), browser.text("carriers"));

        browser.open("/admin/carriers.xhtml");
        browser.click(By.xpath("//tr[td/span[text()='second']]//button[.//span[text()='Remove']]"));
        browser.waitForText("Carrier second removed.");
        assertEquals(List.of("default"), browser.texts(By.cssSelector(".carrierName")));
    }

    /** The provider edits the routes to carriers on their page: checked whole, applied to the next message. */
    @Test
    void theProviderEditsTheRoutesAndARouteWithoutCarriersRefusesWhatItMatches() throws Exception {
        CreatedUser sender = tenants.newSender(tenants.newCompany());
        String serial = gateway.account().activate(sender.getUsername(), sender.getGeneratedPassword(), null, null);
        browser.signIn("admin", System.getProperty("it.admin.password"));
        try {
            browser.open("/admin/routes.xhtml");
            browser.waitForText("No routes: every message goes through the default carrier.");
            assertEquals("default", browser.text("carrierNames"));

            browser.click("routes:add");
            browser.type("routes:table:0:name", "no-new-zealand");
            browser.type("routes:table:0:countries", "nz");
            browser.type("routes:table:0:carriers", "telstra");
            browser.click("routes:save");
            browser.waitForText("route 'no-new-zealand' names carrier 'telstra', which is not configured");

            browser.type("routes:table:0:carriers", "");
            browser.click("routes:save");
            browser.waitForText("Routes saved: 1 in this order.");
            List<RecipientResult> sent = gateway.messaging().sendMessage(serial,
                    List.of("+6421" + Messages.digits(7), randomMobile()), "Only to Australia", null);
            assertEquals("DESTINATION_NOT_ALLOWED", sent.get(0).getErrorCode(), sent.get(0).getErrorMessage());
            assertEquals("PENDING", sent.get(1).getStatus());

            browser.open("/admin/operations.xhtml");
            assertTrue(browser.text("routes").contains("no-new-zealand") && browser.text("routes").contains("numbers in NZ")
                    && browser.text("routes").contains("none: refused at acceptance"), browser.text("routes"));
            browser.open("/admin/routes.xhtml");
            browser.click("routes:table:0:remove");
            browser.waitForText("No routes: every message goes through the default carrier.");
            browser.click("routes:save");
            browser.waitForText("Routes saved: every message goes through the default carrier.");
            assertEquals("PENDING", gateway.messaging().sendMessage(serial, List.of("+6421" + Messages.digits(7)),
                    "New Zealand again", null).get(0).getStatus());
        } finally {
            gateway.provisioning().setRoutes(gateway.administrator(), List.of());
        }
    }

    @Test
    void theProviderSeesAReceiptThatWasGivenUpAndHasItTriedAgain() throws Exception {
        // A receipt for a message this gateway never sent: acknowledged to the SMSC, then given up
        // after gateway.inbound.max-attempts (4 in these tests: 1 s, 2 s, 4 s apart).
        String smscId = Long.toHexString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 44));
        smsc.sendReceiptFor(null, randomMobile(), "+61491570156", smscId, "DELIVRD");
        browser.signIn("admin", System.getProperty("it.admin.password"));

        Poll.until("the receipt to be listed as given up", Duration.ofSeconds(60), () -> {
            browser.open("/admin/operations.xhtml");
            return browser.pageText().contains(smscId);
        });
        assertTrue(browser.pageText().contains("no acknowledged part matches the receipt"), browser.pageText());
        browser.click("inbound:retry");
        browser.waitForText("will be tried again.");
        assertFalse(browser.text("inbound:givenUp").contains(smscId), "no longer given up: due again");

        Poll.until("its fresh attempts to be made and it to be given up again", Duration.ofSeconds(60), () -> {
            browser.open("/admin/operations.xhtml");
            return browser.pageText().contains(smscId);
        });
    }

    @Test
    void aSenderCannotSignInToThePortal() throws Exception {
        CreatedUser sender = tenants.newSender(tenants.newCompany());

        browser.signIn(sender.getUsername(), sender.getGeneratedPassword());

        browser.waitForText("Sign-in failed");
        assertEquals("/login.xhtml", browser.currentPath());
    }

    @Test
    void aNewDepartmentAndUserAndTheUsersActivationEmail() throws Exception {
        signedInCompanyAdmin();

        browser.open("/admin/departments.xhtml");
        browser.type("departments:name", "Sales");
        browser.click("departments:create");
        browser.waitForText("Department 'Sales' created.");

        browser.open("/admin/users.xhtml");
        String username = Tenants.unique("new").toLowerCase();
        browser.type("add:username", username);
        browser.type("add:email", username + "@example.test");
        browser.select("add:department", "Sales");
        browser.click("add:create");
        browser.waitForText("User '" + username + "' created");

        MimeMessage welcome = awaitEmail(MAIL, username + "@example.test", "Your EmailSMS account");
        Matcher password = PASSWORD.matcher(text(welcome));
        assertTrue(password.find(), text(welcome));
        assertFault("PASSWORD_CHANGE_REQUIRED", () -> gateway.account().activate(username, password.group(1), null, null));
        String chosen = Tenants.chosenPassword();
        gateway.account().changePassword(username, password.group(1), chosen, null);
        assertTrue(gateway.account().activate(username, chosen, null, null).matches("\\d{16}"),
                "the user's own password activates the add-in");
        assertTrue(browser.texts(By.cssSelector(".username")).contains(username));
    }

    /** A bookmark without a company must not act on whichever company comes first: the provider is asked which. */
    @Test
    void aProviderAdministratorOpeningACompanyPageWithoutACompanyIsAskedWhich() {
        browser.signIn("admin", System.getProperty("it.admin.password"));
        for (String page : List.of("/admin/users.xhtml", "/admin/reports.xhtml")) {
            browser.open(page);
            browser.waitForText("Choose a company first: that page is about one company.");
            assertEquals("/admin/companies.xhtml", browser.currentPath(), page);
        }
    }

    /** Every page after it would refuse them: no administrator disables themselves, nor anyone the last administrator. */
    @Test
    void anAdministratorCannotLockThemselvesOutNorRemoveTheLastAdministrator() throws Exception {
        CreatedUser admin = signedInCompanyAdmin();
        String company = companyOf(admin);
        browser.open("/admin/users.xhtml");

        browser.rowActionConfirmed(admin.getUsername(), "Disable");
        browser.waitForText("You cannot disable yourself: another administrator must.");
        assertFalse(browser.pageText().contains("User '" + admin.getUsername() + "' disabled."), "never both");
        browser.open("/admin/users.xhtml");
        assertTrue(browser.texts(By.cssSelector(".username")).contains(admin.getUsername()), "still signed in and working");
        browser.signOut();

        Ids ids = idsSeenByTheProvider(company);
        browser.signIn("admin", System.getProperty("it.admin.password"));
        browser.open("/admin/users.xhtml?company=" + ids.company());
        browser.rowActionConfirmed(admin.getUsername(), "Disable");
        browser.waitForText(admin.getUsername() + " is the last active administrator of " + company
                + ": make another user an administrator first.");
        assertNotNull(gateway.account().activate(admin.getUsername(), admin.getGeneratedPassword(), null, null),
                "the administrator still signs in");
    }

    @Test
    void anAdministratorDisablesAUserWhoseAddInThenStopsAndDeletesIt() throws Exception {
        CreatedUser admin = signedInCompanyAdmin();
        CreatedUser sender = tenants.newSender(companyOf(admin));
        String user = sender.getUsername();
        String serial = gateway.account().activate(user, sender.getGeneratedPassword(), null, null);
        browser.open("/admin/users.xhtml");
        assertTrue(browser.pageText().contains("Company administrator"), "roles in words: " + browser.pageText());
        assertFalse(browser.texts(By.cssSelector("td")).contains("COMPANY_ADMIN"), "no enum names in the table");
        browser.type(By.xpath("//th[.//span[text()='Role']]//input"), "sender");
        browser.waitUntil("the senders only", () -> browser.texts(By.cssSelector(".username")).equals(List.of(user)));
        browser.open("/admin/users.xhtml");

        browser.rowActionConfirmed(user, "Disable");
        browser.waitForText("User '" + user + "' disabled.");
        assertFault("ACCOUNT_DISABLED", () -> gateway.messaging().sendMessage(serial, List.of(randomMobile()),
                "From a disabled user", null));

        browser.rowAction(user, "Enable");
        browser.waitForText("User '" + user + "' enabled.");
        assertNotNull(gateway.messaging().sendMessage(serial, List.of(randomMobile()), "Back again", null).get(0)
                .getMessageId());

        // Revoking and resetting ask first: No changes nothing, Yes revokes.
        browser.rowActionDeclined(user, "Reset password");
        // A declined question leaves its row's menu open under where the next menu opens: a fresh page.
        browser.open("/admin/users.xhtml");
        browser.rowActionDeclined(user, "Revoke add-in activations");
        browser.open("/admin/users.xhtml");
        assertNotNull(gateway.messaging().sendMessage(serial, List.of(randomMobile()), "Still activated", null).get(0)
                .getMessageId());
        assertNotNull(gateway.account().activate(user, sender.getGeneratedPassword(), null, null), "the password is unchanged");
        browser.rowActionConfirmed(user, "Revoke add-in activations");
        browser.waitForText("User '" + user + "' signed out of every add-in.");
        assertFault("AUTH_FAILED", () -> gateway.messaging().sendMessage(serial, List.of(randomMobile()),
                "From a revoked add-in", null));
        String activatedAgain = gateway.account().activate(user, sender.getGeneratedPassword(), null, null);

        browser.rowActionConfirmed(user, "Delete");
        browser.waitForText("User '" + user + "' deleted");
        assertFalse(browser.texts(By.cssSelector(".username")).contains(user), "gone from the list");
        assertFault("AUTH_FAILED", () -> gateway.messaging().sendMessage(activatedAgain, List.of(randomMobile()),
                "From a deleted user", null));
    }

    /**
     * A hundred rows with three bad ones: the upload goes on while the page is left, its result is at
     * the top when the administrator comes back, and the refused rows download with their reasons and,
     * corrected, upload again as they are.
     */
    @Test
    void aBulkUploadOfAHundredUsersReportsItsThreeBadRows(@TempDir Path dir) throws Exception {
        signedInCompanyAdmin();
        String prefix = Tenants.unique("bulk").toLowerCase();
        List<String> lines = new ArrayList<>(List.of("username,email,department,role,mobile"));
        for (int i = 1; i <= 100; i++) {
            String name = prefix + "-" + i;
            lines.add(switch (i) {
                case 17 -> name + ",not-an-email,,SENDER,";
                case 42 -> name + "," + name + "@example.test,,SUPERUSER,";
                case 99 -> name + "," + name + "@example.test,No Such Department,SENDER,";
                default -> name + "," + name + "@example.test,,SENDER,";
            });
        }
        Path file = Files.write(dir.resolve("users.csv"), lines);

        browser.open("/admin/users.xhtml");
        browser.upload("bulk:file", file);
        browser.waitForText("Bulk upload of users.csv");
        browser.open("/admin/departments.xhtml");
        browser.open("/admin/users.xhtml");
        browser.waitForText("Upload finished: 97 of 100 users created, 3 rows refused");

        List<String> refused = browser.texts(By.cssSelector("[id='upload:refused'] tbody tr td:first-child"));
        assertEquals(List.of("18", "43", "100"), refused, "line numbers of the file, counting the header");
        String report = browser.text("upload:refused");
        assertTrue(report.contains("email") && report.contains("SUPERUSER") && report.contains("No Such Department"),
                report);
        awaitEmail(MAIL, prefix + "-50@example.test", "Your EmailSMS account");

        var download = gateway.get(URI.create(browser.attribute(By.id("upload:refusedCsv"), "href")), browser.sessionCookie());
        assertEquals(200, download.statusCode(), download.body());
        List<String> rows = download.body().lines().toList();
        assertEquals("username,email,department,role,mobile,line,reason", rows.get(0), download.body());
        assertEquals(4, rows.size(), download.body());
        assertTrue(rows.get(2).startsWith(prefix + "-42,") && rows.get(2).contains("SUPERUSER")
                && rows.get(2).contains(",43,"), rows.get(2));

        Path corrected = Files.writeString(dir.resolve("corrected.csv"), download.body()
                .replace("not-an-email", prefix + "-17@example.test").replace("SUPERUSER", "SENDER")
                .replace("No Such Department", ""));
        browser.upload("bulk:file", corrected);
        browser.waitForText("Upload finished: 3 of 3 users created, 0 rows refused");
        awaitEmail(MAIL, prefix + "-42@example.test", "Your EmailSMS account");
        assertTrue(browser.texts(By.id("upload:refusedCsv")).isEmpty(), "nothing refused, nothing to download");
        var tampered = gateway.get(gateway.https("/admin/refused-users.csv?upload=1"), browser.sessionCookie());
        assertEquals(404, tampered.statusCode(), "an id that is not this company's upload reads as unknown");
    }

    @Test
    void aDepartmentQuotaSetInThePortalStopsSoapSendsBeyondIt() throws Exception {
        CreatedUser admin = signedInCompanyAdmin();
        browser.open("/admin/departments.xhtml");
        browser.type("departments:name", "Support");
        browser.click("departments:create");
        browser.waitForText("Department 'Support' created.");
        String serial = senderIn(admin, "Support");

        browser.open("/admin/departments.xhtml");
        browser.click(By.xpath("//tr[td[text()='Support']]//button[.//span[text()='Edit']]"));
        browser.waitUntil("the edit dialog", () -> browser.script("return PF('editDialog').isVisible()").equals(true));
        browser.typeNumber("edit:editQuota", "2");
        browser.click("edit:save");
        browser.waitForText("Department 'Support' saved.");

        RecipientResult first = gateway.messaging().sendMessage(serial, List.of(randomMobile(), randomMobile()),
                "Within the quota", null).get(0);
        assertEquals("PENDING", first.getStatus());
        assertFault("QUOTA_EXCEEDED", () -> gateway.messaging().sendMessage(serial, List.of(randomMobile()),
                "One too many", null));
    }

    @Test
    void aDestinationRestrictionAddedInThePortalLimitsSoapSends() throws Exception {
        CreatedUser admin = signedInCompanyAdmin();
        String serial = senderIn(admin, null);
        String allowed = randomMobile();

        browser.open("/admin/company.xhtml");
        browser.type("restrictions:pasted", allowed + "\n");
        browser.click("restrictions:add");
        browser.waitForText("1 number(s) added");

        List<RecipientResult> results = gateway.messaging().sendMessage(serial, List.of(allowed, randomMobile()),
                "Only to the list", null);
        assertEquals("PENDING", results.get(0).getStatus());
        assertEquals("DESTINATION_NOT_ALLOWED", results.get(1).getErrorCode());

        // Removing the last number lifts the restriction for the whole company: the question says so,
        // and No keeps it.
        By remove = By.xpath("//tr[td[normalize-space(text())='" + allowed + "']]//button[.//span[text()='Remove']]");
        browser.click(remove);
        browser.waitForText("This is the last allowed number: without it the restriction is lifted");
        browser.click(By.cssSelector(".ui-confirmdialog-no"));
        assertEquals("DESTINATION_NOT_ALLOWED", gateway.messaging().sendMessage(serial, List.of(randomMobile()),
                "Still only to the list", null).get(0).getErrorCode());
        browser.click(remove);
        browser.waitUntil("the question again", () -> browser.pageText().contains("This is the last allowed number"));
        browser.click(By.cssSelector(".ui-confirmdialog-yes"));
        browser.waitForText("No restriction: every number in the allowed countries.");
        assertEquals("PENDING", gateway.messaging().sendMessage(serial, List.of(randomMobile()),
                "To anyone again", null).get(0).getStatus());
    }

    @Test
    void theTransactionReportFiltersAndItsCsvExportHoldsWhatItShows() throws Exception {
        CreatedUser admin = signedInCompanyAdmin();
        String serial = senderIn(admin, null);
        String wanted = randomMobile();
        String other = randomMobile();
        gateway.messaging().sendMessage(serial, List.of("\"=HYPERLINK(1) Pat Lee\" <" + wanted + ">", other), "Report me", null);

        browser.open("/admin/reports.xhtml");
        browser.type("report:destination", wanted);
        browser.click("report:apply");
        browser.waitUntil("the filtered transactions", () -> browser.texts(By.cssSelector(".destination")).equals(List.of(wanted)));

        URI export = URI.create(browser.attribute(By.id("report:export"), "href"));
        var csv = gateway.get(export, browser.sessionCookie());
        assertEquals(200, csv.statusCode());
        assertEquals("no-store", csv.headers().firstValue("Cache-Control").orElse(""), "no cache keeps the data");
        List<String> rows = csv.body().lines().toList();
        assertEquals(2, rows.size(), csv.body());
        assertTrue(rows.get(0).startsWith("message_id,created_at,username,department,destination,contact"), rows.get(0));
        assertTrue(rows.get(1).contains("," + wanted + ",'=HYPERLINK(1) Pat Lee,1,"),
                "a contact name a spreadsheet would run as a formula is neutralised: " + rows.get(1));
        assertFalse(csv.body().contains(other));
    }

    /** The summaries by end user, destination country and number, beside status, department and day. */
    @Test
    void theSummaryShowsEachUserCountryAndDestination() throws Exception {
        CreatedUser admin = signedInCompanyAdmin();
        String serial = senderIn(admin, null);
        String first = randomMobile();
        String second = randomMobile();
        gateway.messaging().sendMessage(serial, List.of(first, second, first), "Count me", null);

        browser.open("/admin/reports.xhtml");
        browser.waitUntil("the summary by destination", () -> browser.texts(By.cssSelector(".summaryDestination"))
                .equals(List.of(first, second)));
        assertEquals(1, browser.texts(By.cssSelector(".summaryUser")).size(), "one user has sent");
        assertTrue(browser.text("report:byUser").contains("3"), browser.text("report:byUser"));
        assertTrue(browser.text("report:byCountry").contains("AU"), browser.text("report:byCountry"));
        assertTrue(browser.text("report:byDay").contains("Day (Australia/Sydney)"),
                "the day is the company's: " + browser.text("report:byDay"));
    }

    /** A filter that can match nothing says so; times are the company's; another company's user is unknown. */
    @Test
    void theReportRefusesFiltersThatMatchNothingAndShowsTheCompanysTime() throws Exception {
        String strangers = tenants.newCompany();
        tenants.newUser(strangers, "COMPANY_ADMIN");
        Ids stranger = idsSeenByTheProvider(strangers);
        CreatedUser admin = signedInCompanyAdmin();
        String serial = senderIn(admin, null);
        gateway.messaging().sendMessage(serial, List.of(randomMobile()), "What time is it", null);

        browser.open("/admin/reports.xhtml");
        browser.waitUntil("the message", () -> browser.texts(By.cssSelector(".createdAt")).size() == 1);
        String created = browser.texts(By.cssSelector(".createdAt")).get(0);
        assertTrue(created.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"), created);
        assertTrue(browser.pageText().contains("Created (Australia/Sydney)"), "the zone is named");

        // Set as the form posts them: typing into the date pickers races their calendars.
        browser.script("document.getElementById('report:from_input').value = '2026-12-31';"
                + " document.getElementById('report:to_input').value = '2026-01-01';");
        browser.click("report:apply");
        browser.waitForText("'From' (2026-12-31) is after 'To' (2026-01-01): no day is in between.");

        browser.open("/admin/reports.xhtml?user=" + stranger.user());
        browser.waitForText("No such user in ");
        assertTrue(browser.texts(By.cssSelector(".createdAt")).isEmpty(), "and nothing of anybody shown");
    }

    /** The transaction list pages by key: 50 newest, "Older" to the rest, "Newer" back. */
    @Test
    void theTransactionListGoesToOlderAndNewerPages() throws Exception {
        CreatedUser admin = signedInCompanyAdmin();
        String serial = senderIn(admin, null);
        List<String> recipients = new java.util.ArrayList<>();
        for (int i = 0; i < 53; i++) {
            recipients.add(randomMobile());
        }
        gateway.messaging().sendMessage(serial, recipients, "Page me", null);

        browser.open("/admin/reports.xhtml");
        browser.waitUntil("the newest 50", () -> browser.texts(By.cssSelector(".destination")).size() == 50);
        List<String> newest = browser.texts(By.cssSelector(".destination"));
        browser.click("report:older");
        browser.waitUntil("the 3 older ones", () -> browser.texts(By.cssSelector(".destination")).size() == 3);
        List<String> older = browser.texts(By.cssSelector(".destination"));
        assertEquals(53, new java.util.HashSet<>(concat(newest, older)).size(), "every message once");
        assertTrue(browser.attribute(By.id("report:older"), "disabled") != null, "no page beyond the oldest");
        browser.click("report:newer");
        browser.waitUntil("the newest page again", () -> browser.texts(By.cssSelector(".destination")).equals(newest));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> both = new java.util.ArrayList<>(a);
        both.addAll(b);
        return both;
    }

    /** Reminders and rule-based forwards sent by Outlook's text messaging, told apart in the report and its export. */
    @Test
    void messagesFromOutlookShowTheirSourceInTheReportAndItsExport() throws Exception {
        CreatedUser admin = signedInCompanyAdmin();
        CreatedUser sender = tenants.newSender(companyOf(admin));
        OutlookClient outlook = new OutlookClient(gateway);
        for (String source : List.of("reminder", "ruleBased")) {
            assertEquals("ok", outlook.deliver(sender.getUsername(), sender.getGeneratedPassword(), source, null,
                    List.of(randomMobile()), List.of("From Outlook: " + source)).get(0).code());
        }

        browser.open("/admin/reports.xhtml");
        browser.choose("report:source", "reminder");
        browser.click("report:apply");
        browser.waitUntil("the reminder alone", () -> browser.texts(By.cssSelector(".source")).equals(List.of("reminder")));

        var csv = gateway.get(URI.create(browser.attribute(By.id("report:export"), "href")), browser.sessionCookie());
        List<String> rows = csv.body().lines().toList();
        assertTrue(rows.get(0).endsWith(",last_error,source"), rows.get(0));
        assertEquals(2, rows.size(), csv.body());
        assertTrue(rows.get(1).endsWith(",reminder"), rows.get(1));
    }

    @Test
    void aCompanyAdministratorNeverSeesAnotherCompanyWhateverTheIds() throws Exception {
        String otherCompany = tenants.newCompany();
        CreatedUser stranger = tenants.newSender(otherCompany);
        String strangersSerial = gateway.account().activate(stranger.getUsername(), stranger.getGeneratedPassword(), null, null);
        gateway.messaging().sendMessage(strangersSerial, List.of(randomMobile()), "Another company's secret", null);
        Ids other = idsSeenByTheProvider(otherCompany);
        signedInCompanyAdmin();

        for (String page : List.of("users", "departments", "company", "reports", "audit")) {
            browser.open("/admin/" + page + ".xhtml?company=" + other.company());
            browser.waitForText("No such company.");
            assertFalse(browser.pageText().contains(otherCompany), page);
            assertFalse(browser.pageText().contains(stranger.getUsername()), page);
        }
        browser.open("/admin/companies.xhtml");
        assertFalse(browser.pageText().contains(otherCompany), "the provider's company list is not for company administrators");
        var export = gateway.get(gateway.https("/admin/export.csv?company=" + other.company()), browser.sessionCookie());
        assertEquals(404, export.statusCode());

        // The other company's user id in the URL of the own company's report: still only the own company's messages.
        browser.open("/admin/reports.xhtml?user=" + other.user());
        assertEquals(List.of(), browser.texts(By.cssSelector(".username")));
        assertFalse(browser.pageText().contains(stranger.getUsername()));

        // The same id posted in the report's form, as a tampered option of the user list: refused.
        browser.open("/admin/reports.xhtml");
        browser.script("var s = document.getElementById('report:user_input'); var o = document.createElement('option');"
                + "o.value = arguments[0]; o.text = 'x'; s.appendChild(o); s.value = arguments[0];", other.user());
        browser.click("report:apply");
        assertEquals(List.of(), browser.texts(By.cssSelector(".username")));
        assertFalse(browser.pageText().contains(stranger.getUsername()));
        var tampered = gateway.get(gateway.https("/admin/export.csv?company=" + other.company() + "&user=" + other.user()),
                browser.sessionCookie());
        assertEquals(404, tampered.statusCode());
    }

    /**
     * A provider administrator creates another; its generated password works once, for nothing but
     * choosing its own; the change ends the new administrator's other session; every sign-in gets a
     * new session id.
     */
    @Test
    void aNewProviderAdministratorMustChooseItsOwnPasswordAndTheChangeEndsItsOtherSessions() throws Exception {
        browser.signIn("admin", System.getProperty("it.admin.password"));
        String username = Tenants.unique("ops").toLowerCase();
        browser.open("/admin/administrators.xhtml");
        browser.type("administrators:username", username);
        browser.type("administrators:email", username + "@example.test");
        browser.click("administrators:create");
        browser.waitForText("Provider administrator '" + username + "' created");
        String given = browser.text("administrators:givenPassword");
        browser.signOut();
        assertFault("PASSWORD_CHANGE_REQUIRED", () -> gateway.provisioning().getUnroutedReplies(credentials(username, given), 1));

        String before = browser.cookie("JSESSIONID");
        browser.signIn(username, given);
        assertEquals("/admin/password.xhtml", browser.currentPath(), "only the change form until it is changed");
        assertFalse(browser.cookie("JSESSIONID").equals(before), "a new session id at sign-in");
        browser.open("/admin/companies.xhtml");
        assertEquals("/admin/password.xhtml", browser.currentPath());
        try (Browser other = new Browser(gateway)) {
            other.signIn(username, given);
            assertEquals("/admin/password.xhtml", other.currentPath());

            browser.type("password:current", given);
            browser.type("password:fresh", "Chosen-by-ops-2026");
            browser.type("password:repeated", "Chosen-by-ops-2026");
            browser.click("password:change");
            browser.waitForText("Your password was changed");
            browser.open("/admin/companies.xhtml");
            assertEquals("/admin/companies.xhtml", browser.currentPath());

            other.open("/admin/index.xhtml");
            assertEquals("/login.xhtml", other.currentPath(), "the other session ended with the change");
        }
        assertFault("AUTH_FAILED", () -> gateway.provisioning().getUnroutedReplies(credentials(username, given), 1));
        gateway.provisioning().getUnroutedReplies(credentials(username, "Chosen-by-ops-2026"), 1);
    }

    @Test
    void aCompanysLoginCriteriaCannotBeLooserThanTheGateways() throws Exception {
        signedInCompanyAdmin();
        browser.open("/admin/company.xhtml");

        browser.typeNumber("criteria:threshold", "50");
        browser.click("criteria:save");

        browser.waitForText("may only be stricter than the gateway's: at most 10 failed attempts");
        assertFalse(browser.pageText().contains("Login criteria saved."), browser.pageText());
    }

    /** An upload with only a header, and a filter that matches no user, each say what happened. */
    @Test
    void anEmptyUploadAndAFilterMatchingNobodySaySo(@TempDir Path dir) throws Exception {
        signedInCompanyAdmin();
        Path headerOnly = Files.write(dir.resolve("header.csv"), List.of("username,email,department,role,mobile"));

        browser.open("/admin/users.xhtml");
        browser.upload("bulk:file", headerOnly);
        browser.waitForText("The file holds no users, only a header (or nothing): nothing was created.");

        browser.open("/admin/users.xhtml");
        browser.type(By.cssSelector("[id='users:list'] input.ui-column-filter"), "nobody-is-called-this");
        browser.waitForText("No user matches the filter.");
        assertFalse(browser.pageText().contains("No users yet."), "the company has users: this one");
    }

    /** A department named with 120 characters and no space neither widens the page nor pushes the edit dialog off it. */
    @Test
    void longNamesStayInsideTheDialogAndThePage() throws Exception {
        CreatedUser admin = signedInCompanyAdmin();
        String company = companyOf(admin);
        String department = "Department" + "x".repeat(110);
        gateway.provisioning().createDepartment(credentials(admin.getUsername(), admin.getGeneratedPassword()), company,
                department, null);
        senderIn(admin, department);
        browser.open("/admin/users.xhtml");
        String sender = browser.texts(By.cssSelector(".username")).stream()
                .filter(name -> !name.equals(admin.getUsername())).findFirst().orElseThrow();

        browser.rowAction(sender, "Edit");
        browser.waitUntil("the edit dialog", () -> Boolean.TRUE.equals(browser.script(
                "return getComputedStyle(document.getElementById('edit:dialog')).display !== 'none';")));
        Object layout = browser.script("""
                var d = document.getElementById('edit:dialog').getBoundingClientRect();
                var m = document.getElementById('edit:department').getBoundingClientRect();
                var s = document.getElementById('edit:save').getBoundingClientRect();
                return [d.left >= 0 && d.right <= window.innerWidth, m.right <= d.right + 1,
                        s.right <= d.right && s.bottom <= window.innerHeight,
                        document.documentElement.scrollWidth <= window.innerWidth].join();""");
        assertEquals("true,true,true,true", layout, "dialog on screen, menu inside it, Save reachable, no page-wide scroll");
    }

    /** A company id that is not a number gets the portal's words, not the framework's. */
    @Test
    void aCompanyIdThatIsNotANumberIsNoSuchCompany() throws Exception {
        signedInCompanyAdmin();

        browser.open("/admin/users.xhtml?company=abc");
        browser.waitForText("No such company.");
        assertFalse(browser.pageText().contains("j_idt"), browser.pageText());
    }

    /**
     * The container's answers in the portal's words and layout: a page that does not exist, a page of
     * another role, an export whose filter is not a date, and a form posted from a view the server no
     * longer holds (before, the sign-in form inside the signed-in menu bar, without a word).
     */
    @Test
    void errorsAndAnExpiredPageGetThePortalsOwnPages() throws Exception {
        signedInCompanyAdmin();

        browser.open("/admin/no-such-page.xhtml");
        assertEquals("No such page", browser.text("errorHeading"));
        assertTrue(browser.pageText().contains("Back to the portal"), browser.pageText());

        browser.open("/admin/companies.xhtml");
        assertEquals("This page is not for your role", browser.text("errorHeading"));
        assertTrue(browser.pageText().contains("Users"), "the signed-in menu is there: " + browser.pageText());

        var export = gateway.get(gateway.https("/admin/export.csv?from=yesterday"), browser.sessionCookie());
        assertEquals(400, export.statusCode());
        assertTrue(export.body().contains("From and To are days written as 2026-12-31."), export.body());
        assertFalse(export.body().contains("Text 'yesterday'") || export.body().contains("Payara"), export.body());

        browser.open("/admin/departments.xhtml");
        // What the server no longer holding the view looks like to the page: its view state is unknown.
        browser.script("document.querySelectorAll('input[name=\"jakarta.faces.ViewState\"]')"
                + ".forEach(function (state) { state.value = '-1:-1'; });");
        browser.click(By.cssSelector("button[id$=':create']"));
        browser.waitForText("This page had expired");
        assertFalse(browser.pageText().contains("Sign in"), browser.pageText());
        browser.click(By.id("openAgain"));
        browser.waitUntil("the departments page again", () -> browser.currentPath().endsWith("/admin/departments.xhtml"));
    }

    /**
     * Others guessing an administrator's password lock the account everywhere but in the browser
     * the administrator signed in from before (its device cookie); a fresh browser is still locked out.
     */
    @Test
    void aBrowserThatSignedInBeforeIsNotLockedOutByOthersGuessing() throws Exception {
        CreatedUser admin = signedInCompanyAdmin();
        String company = companyOf(admin);
        browser.signOut();
        var wrong = credentials(admin.getUsername(), "wrong-" + admin.getGeneratedPassword());
        for (int attempt = 1; attempt <= 11; attempt++) {
            assertFault("AUTH_FAILED", () -> gateway.provisioning().createDepartment(wrong, company, "Guess", null));
        }
        var right = credentials(admin.getUsername(), admin.getGeneratedPassword());
        assertFault("ACCOUNT_LOCKED", () -> gateway.provisioning().createDepartment(right, company, "Mine", null));
        try (Browser stranger = new Browser(gateway)) {
            stranger.signIn(admin.getUsername(), admin.getGeneratedPassword());
            stranger.waitForText("Sign-in failed");
        }

        browser.signIn(admin.getUsername(), admin.getGeneratedPassword());

        assertEquals("Welcome, " + admin.getUsername(), browser.text("welcome"), "its own browser is let in");
    }

    @Test
    void theOperationsPageIsTheProvidersWhateverItsAddressLooksLike() throws Exception {
        signedInCompanyAdmin();
        for (String path : List.of("/admin/operations.xhtml", "/admin//operations.xhtml", "/admin/./operations.xhtml",
                "/admin/operations.xhtml;a=b", "/admin/%2e/operations.xhtml", "/admin/%2E/operations.xhtml",
                "/admin/x/%2e%2e/operations.xhtml")) {
            HttpResponse<String> answer = gateway.get(gateway.https(path), browser.sessionCookie());
            assertEquals(403, answer.statusCode(), path);
            assertFalse(answer.body().contains("SMPP binds of every node"), path + ": " + answer.body());
        }
    }

    /**
     * A company administrator requires the licence, keeps the company's compression dictionary, and
     * sees who accepted which version of the licence.
     */
    @Test
    void aCompanyAdministratorRequiresTheLicenceKeepsTheDictionaryAndSeesWhoAccepted() throws Exception {
        CreatedUser admin = signedInCompanyAdmin();
        String company = companyOf(admin);
        browser.click(By.cssSelector("[id='clients:requireLicence'] .ui-toggleswitch-slider"));
        browser.click("clients:save");
        browser.waitForText("Client settings saved.");
        CreatedUser sender = tenants.newSender(company);
        assertFault("LICENCE_NOT_ACCEPTED",
                () -> gateway.account().activate(sender.getUsername(), sender.getGeneratedPassword(), "IT", null));
        String version = gateway.account().getLicence().getVersion();
        String serial = gateway.account().activate(sender.getUsername(), sender.getGeneratedPassword(), "IT", version);

        browser.type("dictionary:words", "tomorrow = 2moro\nplease = pls");
        browser.click("dictionary:save");
        browser.waitForText("Dictionary saved: 2 word(s).");
        assertEquals(List.of("please=pls", "tomorrow=2moro"), gateway.messaging().getDictionary(serial).stream()
                .map(w -> w.getWord() + "=" + w.getReplacement()).toList());
        browser.type("dictionary:words", "please pls");
        browser.click("dictionary:save");
        browser.waitForText("Line 1 has no \"=\"");
        assertEquals(2, gateway.messaging().getDictionary(serial).size(), "a bad line changes nothing");

        browser.open("/admin/company.xhtml");
        assertEquals(List.of(sender.getUsername()), browser.texts(By.cssSelector(".acceptedBy")));
        assertEquals(List.of(version), browser.texts(By.cssSelector(".acceptedVersion")));
    }

    /** A company administrator's home is today's dashboard: messages by status and each department's quota, linking on. */
    @Test
    void aCompanyAdministratorsHomeIsTodaysDashboard() throws Exception {
        CreatedUser admin = signedInCompanyAdmin();
        String company = companyOf(admin);
        gateway.provisioning().createDepartment(gateway.administrator(), company, "Sales", 10);
        String serial = senderIn(admin, "Sales");
        gateway.messaging().sendMessage(serial, List.of(randomMobile(), randomMobile()), "Two for the dashboard", null);

        browser.open("/admin/index.xhtml");

        assertEquals(List.of("Home"), browser.texts(By.cssSelector(".nav-current")), "the page shown is marked");
        assertEquals(2, browser.texts(By.cssSelector(".statusCount")).stream().mapToInt(Integer::parseInt).sum());
        assertEquals(List.of("Sales"), browser.texts(By.cssSelector(".quotaName")));
        assertEquals(List.of("2 segment(s) of 10"), browser.texts(By.cssSelector(".quotaUse")));
        browser.click(By.linkText("All 2 in the reports"));
        browser.waitUntil("the reports", () -> browser.currentPath().equals("/admin/reports.xhtml"));
        assertEquals(List.of("Reports"), browser.texts(By.cssSelector(".nav-current")));
    }

    /** A provider administrator reaches any company's users from the navigation bar, and that company's other pages from its menu there. */
    @Test
    void aProviderAdministratorGoesToAnyCompanyFromTheNavigationBar() throws Exception {
        String company = tenants.newCompany();
        browser.signIn("admin", System.getProperty("it.admin.password"));
        assertTrue(browser.text("binds").matches("\\d+ SMPP bind\\(s\\) up, \\d+ down"), browser.text("binds"));

        browser.type("menu:companyPicker_input", company.substring(0, company.length() - 2));
        By suggestion = By.cssSelector("li.ui-autocomplete-item[data-item-label='" + company + "']");
        browser.waitUntil("the company suggested", () -> browser.texts(suggestion).equals(List.of(company)));
        browser.click(suggestion);

        browser.waitUntil("the company's users", () -> browser.currentPath().equals("/admin/users.xhtml"));
        assertEquals(company, browser.text("companyName"));
        browser.click(By.xpath("//a[contains(@class, 'ui-submenu-link')][normalize-space(.)='" + company + "']"));
        By reports = By.xpath("//a[contains(@class, 'ui-menuitem-link')][normalize-space(.)='Reports'][contains(@href, 'company=')]");
        browser.waitUntil("the company's menu open", () -> browser.texts(reports).equals(List.of("Reports")));
        browser.click(reports);
        browser.waitUntil("the company's reports", () -> browser.currentPath().equals("/admin/reports.xhtml"));
        assertEquals(company, browser.text("companyName"));
    }

    /**
     * One trail for the portal and the provisioning API: a user created over SOAP by the provider's
     * administrator, then edited and disabled in the portal by the company's, each entry with its
     * channel, address and the values before and after; filtered by action, and exported the same.
     */
    @Test
    void administratorsActionsFromThePortalAndTheApiAreInOneTrail() throws Exception {
        CreatedUser admin = signedInCompanyAdmin();
        String company = companyOf(admin);
        String user = tenants.newSender(company).getUsername();
        browser.open("/admin/users.xhtml");
        browser.rowActionConfirmed(user, "Disable");
        browser.waitForText("User '" + user + "' disabled.");

        browser.open("/admin/actions.xhtml");
        assertEquals(List.of("Actions"), browser.texts(By.cssSelector(".nav-current")));
        List<String> kinds = browser.texts(By.cssSelector("[id='actions:list'] tbody tr .actionKind"));
        List<String> subjects = browser.texts(By.cssSelector("[id='actions:list'] tbody tr .actionSubject"));
        List<String> actors = browser.texts(By.cssSelector("[id='actions:list'] tbody tr .actionActor"));
        List<String> channels = browser.texts(By.cssSelector("[id='actions:list'] tbody tr .actionChannel"));
        assertEquals("Disabled", kinds.get(0), kinds.toString());
        assertEquals("user '" + user + "'", subjects.get(0));
        assertEquals(admin.getUsername(), actors.get(0));
        assertEquals("Portal", channels.get(0));
        int created = subjects.lastIndexOf("user '" + user + "'");
        assertEquals("Created", kinds.get(created), kinds.toString());
        assertEquals("provider", actors.get(created), "the provider's administrator, over SOAP, without their name");
        assertFalse(browser.text("actions:list").contains(gateway.address()), "nor the provider's address");
        assertEquals("Provisioning API (SOAP)", channels.get(created));
        assertTrue(browser.text("actions:list").contains("email: " + user + "@example.test; role: Sender"),
                browser.text("actions:list"));
        assertFalse(browser.texts(By.cssSelector("[id='actions:list'] thead th")).contains("Company"),
                "a company's administrator sees no company column");

        browser.choose("actions:kind", "Disabled");
        browser.click("actions:apply");
        browser.waitUntil("the disabling only", () -> browser.texts(
                By.cssSelector("[id='actions:list'] tbody tr .actionKind")).equals(List.of("Disabled")));

        var csv = gateway.get(URI.create(browser.attribute(By.id("actions:export"), "href")), browser.sessionCookie());
        assertEquals(200, csv.statusCode(), csv.body());
        List<String> lines = csv.body().lines().toList();
        assertEquals("acted_at,administrator,channel,client_ip,company,action,subject,details", lines.get(0));
        assertEquals(2, lines.size(), csv.body());
        assertTrue(lines.get(1).contains("," + admin.getUsername() + ",PORTAL,") && lines.get(1).contains(",Disabled,"),
                lines.get(1));
        var elsewhere = gateway.get(gateway.https("/admin/actions.csv?company=1"), browser.sessionCookie());
        assertEquals(404, elsewhere.statusCode(), "a company that is not the caller's reads as unknown");
    }

    /**
     * At a phone's 390 pixels, every page of a company administrator fits the screen (a table wider
     * than it scrolls within itself) and the navigation bar collapses behind a Menu button. The
     * dashboard and the users page are photographed at desktop and phone width for the docs.
     */
    @Test
    void thePagesFitAPhonesScreen() throws Exception {
        CreatedUser admin = signedInCompanyAdmin();
        String company = companyOf(admin);
        gateway.provisioning().createDepartment(gateway.administrator(), company, "Field sales and service", 40);
        String serial = senderIn(admin, "Field sales and service");
        gateway.messaging().sendMessage(serial, List.of(randomMobile(), randomMobile()), "The meeting moved to 3pm", null);
        Path shots = Path.of(System.getProperty("it.work"), "screenshots");
        browser.open("/admin/index.xhtml");
        browser.screenshot(shots.resolve("dashboard-desktop.png"));
        browser.open("/admin/users.xhtml");
        browser.screenshot(shots.resolve("users-desktop.png"));

        browser.resize(390, 844);
        try {
            for (String page : List.of("index", "users", "departments", "company", "reports", "audit", "actions", "password")) {
                browser.open("/admin/" + page + ".xhtml");
                assertEquals(List.of(), browser.overflowing(), page + " sticks out of a phone's screen");
                browser.screenshot(shots.resolve("phone-" + page + ".png"));
            }
            browser.open("/admin/users.xhtml");
            browser.screenshot(shots.resolve("users-phone.png"));
            By usersLink = By.xpath("//a[contains(@class, 'ui-menuitem-link')][normalize-space(.)='Users']");
            assertFalse(browser.displayed(usersLink), "the menu is folded away on a phone");
            assertTrue(browser.displayed(By.id("menu:signOut")), "signing out stays in reach");
            browser.click("menu:navToggle");
            browser.waitUntil("the menu unfolded", () -> browser.displayed(usersLink));
            browser.click(By.xpath("//a[contains(@class, 'ui-menuitem-link')][normalize-space(.)='Home']"));
            browser.waitUntil("the dashboard", () -> browser.currentPath().equals("/admin/index.xhtml"));
            browser.screenshot(shots.resolve("dashboard-phone.png"));
        } finally {
            browser.resize(1400, 1000);
        }
    }

    /** Several users at once: the selected are disabled together and moved together; one refused (the caller) changes none. */
    @Test
    void aCompanyAdministratorChangesSeveralUsersAtOnce() throws Exception {
        CreatedUser admin = signedInCompanyAdmin();
        String company = companyOf(admin);
        gateway.provisioning().createDepartment(gateway.administrator(), company, "Field", null);
        CreatedUser first = tenants.newSender(company);
        CreatedUser second = tenants.newSender(company);
        CreatedUser untouched = tenants.newSender(company);
        browser.open("/admin/users.xhtml");

        browser.selectRow(first.getUsername());
        browser.selectRow(second.getUsername());
        browser.clickConfirmed("users:disableSelected");

        browser.waitForText("2 user(s) disabled.");
        for (CreatedUser user : List.of(first, second)) {
            assertFault("ACCOUNT_DISABLED", () -> gateway.account().activate(user.getUsername(), user.getGeneratedPassword(), null, null));
        }
        assertNotNull(gateway.account().activate(untouched.getUsername(), untouched.getGeneratedPassword(), null, null));

        browser.selectRow(untouched.getUsername());
        browser.selectRow(admin.getUsername());
        browser.clickConfirmed("users:disableSelected");
        browser.waitForText("You cannot disable yourself");
        assertFalse(browser.pageText().contains("user(s) disabled"), browser.pageText());
        assertNotNull(gateway.account().activate(untouched.getUsername(), untouched.getGeneratedPassword(), null, null),
                "refused for one, done for none");

        browser.open("/admin/users.xhtml");
        browser.selectRow(first.getUsername());
        browser.selectRow(untouched.getUsername());
        browser.choose("users:moveTo", "Field");
        browser.click("users:moveSelected");
        browser.waitForText("2 user(s) moved.");
        browser.waitUntil("both in Field", () -> browser.texts(By.xpath("//tr[.//td[normalize-space(.)='Field']]//span[contains(@class,'username')]"))
                .stream().sorted().toList().equals(java.util.stream.Stream.of(first.getUsername(), untouched.getUsername()).sorted().toList()));
    }

    /** A length below the floor is refused with the rule, not quietly raised to it and reported saved. */
    @Test
    void aMinimumPasswordLengthBelowEightIsRefusedWithTheRule() throws Exception {
        signedInCompanyAdmin();
        browser.open("/admin/company.xhtml");

        browser.typeNumber("criteria:minLength", "6");
        browser.click("criteria:save");

        browser.waitForText("The minimum password length is between 8 and 64.");
        assertFalse(browser.pageText().contains("Login criteria saved."), browser.pageText());
    }

    private static org.emailsms.gateway.it.client.provisioning.Credentials credentials(String username, String password) {
        org.emailsms.gateway.it.client.provisioning.Credentials credentials = new org.emailsms.gateway.it.client.provisioning.Credentials();
        credentials.setUsername(username);
        credentials.setPassword(password);
        return credentials;
    }

    private CreatedUser signedInCompanyAdmin() throws Exception {
        CreatedUser admin = tenants.newUser(tenants.newCompany(), "COMPANY_ADMIN");
        browser.signIn(admin.getUsername(), admin.getGeneratedPassword());
        assertEquals("Welcome, " + admin.getUsername(), browser.text("welcome"));
        return admin;
    }

    /** A sender in the signed-in administrator's company, activated; returns its serial. */
    private String senderIn(CreatedUser admin, String department) throws Exception {
        String company = companyOf(admin);
        UserSpec user = new UserSpec();
        user.setCompany(company);
        user.setDepartment(department);
        user.setUsername(Tenants.unique("sender"));
        user.setEmail(user.getUsername() + "@example.test");
        user.setRole("SENDER");
        CreatedUser sender = tenants.withOwnPassword(gateway.provisioning().createUser(gateway.administrator(), user));
        return gateway.account().activate(sender.getUsername(), sender.getGeneratedPassword(), null, null);
    }

    private String companyOf(CreatedUser admin) {
        browser.open("/admin/company.xhtml");
        return browser.text("companyName");
    }

    private record Ids(String company, String user) {
    }

    /** The ids of a company and of its first user, as the provider's administrator sees them in links. */
    /** The provider's list holds every company of the run: search for the one wanted. */
    private void findCompany(String name) {
        browser.type("companies:search", name);
        browser.click("companies:find");
        browser.waitForText(name);
    }

    private Ids idsSeenByTheProvider(String companyName) {
        browser.signIn("admin", System.getProperty("it.admin.password"));
        browser.open("/admin/companies.xhtml");
        findCompany(companyName);
        Matcher company = COMPANY_ID.matcher(browser.attribute(By.linkText(companyName), "href"));
        assertTrue(company.find());
        browser.open("/admin/users.xhtml?company=" + company.group(1));
        Matcher user = USER_ID.matcher(browser.attribute(By.xpath("//a[contains(@href, 'user=')]"), "href"));
        assertTrue(user.find());
        browser.signOut();
        return new Ids(company.group(1), user.group(1));
    }
}
