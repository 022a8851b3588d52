package org.emailsms.gateway.it.support;

import java.util.UUID;

import org.emailsms.gateway.it.client.provisioning.CompanySpec;
import org.emailsms.gateway.it.client.provisioning.CreatedUser;
import org.emailsms.gateway.it.client.provisioning.Credentials;
import org.emailsms.gateway.it.client.provisioning.GatewayFault;
import org.emailsms.gateway.it.client.provisioning.UserSpec;

/**
 * Provisions fresh companies and users through the SOAP provisioning API, with unique names so that
 * tests never see each other's data, even on a database that outlives the run.
 */
public final class Tenants {

    private final GatewayClient gateway;
    private final Credentials administrator;

    public Tenants(GatewayClient gateway) {
        this(gateway, gateway.administrator());
    }

    /** Provisioning as a given provider administrator (the tests' own is configured). */
    public Tenants(GatewayClient gateway, Credentials administrator) {
        this.gateway = gateway;
        this.administrator = administrator;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String newCompany() throws GatewayFault {
        CompanySpec company = new CompanySpec();
        company.setName(unique("Acme"));
        company.setHomeCountry("AU");
        company.getAllowedCountry().add("NZ");
        company.setTimeZone("Australia/Sydney");
        gateway.provisioning().createCompany(administrator, company);
        return company.getName();
    }

    /** A company whose messages may use at most {@code segments} SMS segments a day; returns its name. */
    public String newCompanyWithDailyQuota(int segments) throws GatewayFault {
        CompanySpec company = new CompanySpec();
        company.setName(unique("Quota"));
        company.setHomeCountry("AU");
        company.setTimeZone("Australia/Sydney");
        company.setDailyQuota(segments);
        gateway.provisioning().createCompany(administrator, company);
        return company.getName();
    }

    /**
     * A user ready to work: created with a generated password, which the user then replaced with one
     * of their own through AccountService (a given password opens nothing else). Returns its
     * username and that chosen password (in the generated-password field, where tests read it).
     */
    public CreatedUser newUser(String company, String role) throws Exception {
        return withOwnPassword(newUserWithGivenPassword(company, role));
    }

    /** The user replaces the password given to them with one of their own, as a new user must. */
    public CreatedUser withOwnPassword(CreatedUser created) throws Exception {
        String chosen = chosenPassword();
        gateway.account().changePassword(created.getUsername(), created.getGeneratedPassword(), chosen, null);
        created.setGeneratedPassword(chosen);
        return created;
    }

    /** A user as provisioning leaves it: the generated password, which must be changed before use. */
    public CreatedUser newUserWithGivenPassword(String company, String role) throws GatewayFault {
        UserSpec user = new UserSpec();
        user.setCompany(company);
        user.setUsername(unique("user"));
        user.setEmail(user.getUsername() + "@example.test");
        user.setMobile("+61412345678");
        user.setRole(role);
        return gateway.provisioning().createUser(administrator, user);
    }

    /** A password of the user's own choosing that meets every company's criteria in these tests. */
    public static String chosenPassword() {
        return "Own-" + UUID.randomUUID().toString().substring(0, 12) + "-Pw1";
    }

    public CreatedUser newSender(String company) throws Exception {
        return newUser(company, "SENDER");
    }
}
