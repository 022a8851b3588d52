package org.emailsms.gateway.ws.provisioning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import jakarta.annotation.Resource;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;

import com.sun.xml.ws.developer.SchemaValidation;

import org.emailsms.gateway.account.boundary.NewUser;
import org.emailsms.gateway.account.boundary.AccountNames;
import org.emailsms.gateway.account.boundary.Companies;
import org.emailsms.gateway.account.boundary.Departments;
import org.emailsms.gateway.account.boundary.DestinationRestrictions;
import org.emailsms.gateway.account.boundary.SignIn;
import org.emailsms.gateway.account.boundary.Users;
import org.emailsms.gateway.account.entity.AccountStatus;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.inbound.boundary.ReplyService;
import org.emailsms.gateway.message.boundary.DictionaryService;
import org.emailsms.gateway.message.boundary.RouteAdministration;
import org.emailsms.gateway.smsc.boundary.CarrierAdministration;
import org.emailsms.gateway.platform.boundary.ErrorCode;
import org.emailsms.gateway.ws.platform.Boundary;
import org.emailsms.gateway.ws.platform.Callers;
import org.emailsms.gateway.ws.platform.Calls;
import org.emailsms.gateway.ws.platform.GatewayFault;
import org.emailsms.gateway.ws.platform.Namespaces;

/**
 * Provisioning over SOAP, for scripts and for operators who prefer them to the portal. Served over
 * HTTPS only; every call carries an administrator's credentials. Calls name companies, departments
 * and users; {@link AccountNames} turns the names into ids and the portal's own boundaries (one per
 * aggregate) do the work, so both get the same rules, errors and audit trail.
 */
// Requests are checked against the WSDL's schema: an unknown or misspelt element is a fault, never silently ignored.
@SchemaValidation(outbound = false)
@WebService(name = "Provisioning", serviceName = "ProvisioningService", portName = "ProvisioningPort",
        targetNamespace = Namespaces.V1)
public class ProvisioningEndpoint {

    @Resource
    WebServiceContext context;

    private final Boundary<SignIn> signIns = Boundary.of(SignIn.class);
    private final Boundary<AccountNames> names = Boundary.of(AccountNames.class);
    private final Boundary<Companies> companies = Boundary.of(Companies.class);
    private final Boundary<Departments> departments = Boundary.of(Departments.class);
    private final Boundary<Users> users = Boundary.of(Users.class);
    private final Boundary<DestinationRestrictions> restrictions = Boundary.of(DestinationRestrictions.class);
    private final Boundary<ReplyService> replies = Boundary.of(ReplyService.class);
    private final Boundary<DictionaryService> dictionaries = Boundary.of(DictionaryService.class);
    private final Boundary<RouteAdministration> routes = Boundary.of(RouteAdministration.class);
    private final Boundary<CarrierAdministration> carriers = Boundary.of(CarrierAdministration.class);

    private Long companyId(String actor, String company) throws GatewayFault {
        return Calls.invoke(() -> names.get().companyId(actor, company));
    }

    private Long userId(String actor, String username) throws GatewayFault {
        return Calls.invoke(() -> names.get().userId(actor, username));
    }

    private String signIn(Credentials credentials) throws GatewayFault {
        if (credentials == null) {
            throw new GatewayFault(ErrorCode.AUTH_FAILED, "Administrator credentials are required.");
        }
        String clientIp = Callers.clientIp(context);
        return Calls.invoke(() -> signIns.get().signIn(credentials.getUsername(), credentials.getPassword(), clientIp));
    }

    @WebMethod
    public void createCompany(@WebParam(name = "credentials") Credentials credentials,
                              @WebParam(name = "company") CompanySpec company) throws GatewayFault {
        String actor = signIn(credentials);
        if (company == null) {
            throw new GatewayFault(ErrorCode.INVALID_REQUEST, "The company is missing.");
        }
        Calls.invoke(() -> companies.get().create(actor, company.toRequest()));
    }

    @WebMethod
    public void createDepartment(@WebParam(name = "credentials") Credentials credentials,
                                 @WebParam(name = "company") String company,
                                 @WebParam(name = "department") String department,
                                 @WebParam(name = "dailyQuota") Integer dailyQuota) throws GatewayFault {
        String actor = signIn(credentials);
        Long companyId = companyId(actor, company);
        Calls.run(() -> departments.get().create(actor, companyId, department, dailyQuota));
    }

    @WebMethod
    @WebResult(name = "user")
    public CreatedUserResult createUser(@WebParam(name = "credentials") Credentials credentials,
                                        @WebParam(name = "user") UserSpec user) throws GatewayFault {
        String actor = signIn(credentials);
        if (user == null) {
            throw new GatewayFault(ErrorCode.INVALID_REQUEST, "The user is missing.");
        }
        Role role = user.role == null || user.role.isBlank() ? Role.SENDER : parse(Role.class, user.role, "role");
        NewUser request = new NewUser(user.username, user.email, user.mobile, role, user.password);
        Long companyId = companyId(actor, user.company);
        Long departmentId = Calls.invoke(() -> names.get().departmentId(actor, companyId, user.department));
        return Calls.invoke(() -> CreatedUserResult.of(users.get().create(actor, companyId, departmentId, request)));
    }

    @WebMethod
    public void setCompanyStatus(@WebParam(name = "credentials") Credentials credentials,
                                 @WebParam(name = "company") String company,
                                 @WebParam(name = "status") String status) throws GatewayFault {
        String actor = signIn(credentials);
        AccountStatus newStatus = parse(AccountStatus.class, status, "status");
        // The provider's own operation: a company administrator is refused as such, whichever company it names.
        Calls.run(() -> signIns.get().requireProviderAdministrator(actor));
        Long companyId = companyId(actor, company);
        Calls.run(() -> companies.get().changeStatus(actor, companyId, newStatus));
    }

    @WebMethod
    public void setDepartmentStatus(@WebParam(name = "credentials") Credentials credentials,
                                    @WebParam(name = "company") String company,
                                    @WebParam(name = "department") String department,
                                    @WebParam(name = "status") String status) throws GatewayFault {
        String actor = signIn(credentials);
        AccountStatus newStatus = parse(AccountStatus.class, status, "status");
        Long companyId = companyId(actor, company);
        // A blank name is no department: the boundary answers "No such department."
        Long departmentId = Calls.invoke(() -> names.get().departmentId(actor, companyId, department));
        Calls.run(() -> departments.get().changeStatus(actor, departmentId, newStatus));
    }

    @WebMethod
    public void setUserStatus(@WebParam(name = "credentials") Credentials credentials,
                              @WebParam(name = "username") String username,
                              @WebParam(name = "status") String status) throws GatewayFault {
        String actor = signIn(credentials);
        AccountStatus newStatus = parse(AccountStatus.class, status, "status");
        Long userId = userId(actor, username);
        Calls.run(() -> users.get().changeStatus(actor, userId, newStatus));
    }

    @WebMethod
    public void unlockUser(@WebParam(name = "credentials") Credentials credentials,
                           @WebParam(name = "username") String username) throws GatewayFault {
        String actor = signIn(credentials);
        Long userId = userId(actor, username);
        Calls.run(() -> users.get().unlock(actor, userId));
    }

    @WebMethod
    @WebResult(name = "revoked")
    public int revokeActivations(@WebParam(name = "credentials") Credentials credentials,
                                 @WebParam(name = "username") String username) throws GatewayFault {
        String actor = signIn(credentials);
        Long userId = userId(actor, username);
        return Calls.invoke(() -> users.get().revokeActivations(actor, userId));
    }

    /** Replaces the company's allowed destination numbers; none lifts the restriction. Returns them in E.164. */
    @WebMethod
    @WebResult(name = "allowedNumber")
    public List<String> setDestinationRestrictions(@WebParam(name = "credentials") Credentials credentials,
                                                   @WebParam(name = "company") String company,
                                                   @WebParam(name = "number") List<String> numbers) throws GatewayFault {
        String actor = signIn(credentials);
        Long companyId = companyId(actor, company);
        return Calls.invoke(() -> restrictions.get().replace(actor, companyId, numbers));
    }

    /**
     * Replaces the sender numbers the company has of its own (used before the shared pool, never by
     * another company); none takes them back. Provider administrators only. Returns them in E.164.
     */
    @WebMethod
    @WebResult(name = "senderNumber")
    public List<String> setSenderNumbers(@WebParam(name = "credentials") Credentials credentials,
                                         @WebParam(name = "company") String company,
                                         @WebParam(name = "number") List<String> numbers) throws GatewayFault {
        String actor = signIn(credentials);
        Calls.run(() -> signIns.get().requireProviderAdministrator(actor));
        Long companyId = companyId(actor, company);
        return Calls.invoke(() -> companies.get().changeSenderNumbers(actor, companyId, numbers));
    }

    /**
     * Outlook's text messaging for a company: on or off, and the automatic sources it accepts
     * ({@code REMINDER}, {@code CAL_SUMMARY}, {@code RULE_BASED}, {@code WSS_ALERT}, or Outlook's own
     * spellings such as {@code calSummary}); none accepts only what people send by hand.
     */
    @WebMethod
    public void setOutlookSettings(@WebParam(name = "credentials") Credentials credentials,
                                   @WebParam(name = "company") String company,
                                   @WebParam(name = "enabled") boolean enabled,
                                   @WebParam(name = "acceptedSource") List<String> sources) throws GatewayFault {
        String actor = signIn(credentials);
        Long companyId = companyId(actor, company);
        Calls.run(() -> companies.get().changeOutlookSettings(actor, companyId, enabled, sources));
    }

    /**
     * What a company asks of its clients: {@code requireLicence}, activation only with the current
     * licence accepted (leave it off while add-ins that predate the licence are in use); and
     * {@code compressOutlook}, Outlook's texts sent through the company's compression dictionary.
     */
    @WebMethod
    public void setClientSettings(@WebParam(name = "credentials") Credentials credentials,
                                  @WebParam(name = "company") String company,
                                  @WebParam(name = "requireLicence") boolean requireLicence,
                                  @WebParam(name = "compressOutlook") boolean compressOutlook) throws GatewayFault {
        String actor = signIn(credentials);
        Long companyId = companyId(actor, company);
        Calls.run(() -> companies.get().changeClientSettings(actor, companyId, requireLicence, compressOutlook));
    }

    /** The company's compression dictionary, by word. */
    @WebMethod
    @WebResult(name = "word")
    public List<DictionaryWordSpec> getCompanyDictionary(@WebParam(name = "credentials") Credentials credentials,
                                                         @WebParam(name = "company") String company) throws GatewayFault {
        String actor = signIn(credentials);
        Long companyId = companyId(actor, company);
        return Calls.invoke(() -> dictionaries.get().companyWords(actor, companyId).stream()
                .map(DictionaryWordSpec::of).toList());
    }

    /**
     * Replaces the company's compression dictionary (whole words, at most 40 characters each way;
     * none empties it); one bad word changes nothing. Returns it as stored.
     */
    @WebMethod
    @WebResult(name = "saved")
    public List<DictionaryWordSpec> setCompanyDictionary(@WebParam(name = "credentials") Credentials credentials,
                                                         @WebParam(name = "company") String company,
                                                         @WebParam(name = "word") List<DictionaryWordSpec> words)
            throws GatewayFault {
        String actor = signIn(credentials);
        Map<String, String> replacements = new LinkedHashMap<>();
        for (DictionaryWordSpec word : words == null ? List.<DictionaryWordSpec>of() : words) {
            if (word.getWord() == null || replacements.putIfAbsent(word.getWord(), word.getReplacement()) != null) {
                throw new GatewayFault(ErrorCode.INVALID_REQUEST, "Each word needs a word and is given once.");
            }
        }
        Long companyId = companyId(actor, company);
        return Calls.invoke(() -> dictionaries.get().replaceCompanyWords(actor, companyId, replacements).stream()
                .map(DictionaryWordSpec::of).toList());
    }

    /** The routes to carriers in the order they are tried (none: everything through the default carrier). Provider administrators only. */
    @WebMethod
    @WebResult(name = "route")
    public List<RouteSpec> getRoutes(@WebParam(name = "credentials") Credentials credentials) throws GatewayFault {
        String actor = signIn(credentials);
        return Calls.invoke(() -> routes.get().routes(actor).stream().map(RouteSpec::of).toList());
    }

    /**
     * Replaces every route to carriers, in order; none sends everything through the default
     * carrier. All or nothing: a route naming a carrier that is not configured, a bad prefix or
     * country, a name given twice or a route an earlier one hides changes nothing. Provider
     * administrators only. Returns the routes as stored.
     */
    @WebMethod
    @WebResult(name = "saved")
    public List<RouteSpec> setRoutes(@WebParam(name = "credentials") Credentials credentials,
                                     @WebParam(name = "route") List<RouteSpec> replacement) throws GatewayFault {
        String actor = signIn(credentials);
        List<RouteSpec> given = replacement == null ? List.of() : replacement;
        Calls.run(() -> routes.get().replace(actor, given.stream().map(RouteSpec::toRule).toList()));
        return Calls.invoke(() -> routes.get().routes(actor).stream().map(RouteSpec::of).toList());
    }

    /** Every carrier, the configuration's (not editable) and those added; no password is given back. Provider administrators only. */
    @WebMethod
    @WebResult(name = "carrier")
    public List<CarrierSpec> getCarriers(@WebParam(name = "credentials") Credentials credentials) throws GatewayFault {
        String actor = signIn(credentials);
        return Calls.invoke(() -> carriers.get().carriers(actor).stream().map(CarrierSpec::of).toList());
    }

    /**
     * Adds a carrier, or changes one added before under the same name; every node binds to it within
     * a bind check. A problem (a bad name or one of the configuration's, no host, a port, window,
     * bind count or TON out of range, a validity period that is no duration, a trust store that
     * cannot be read) changes nothing. Provider administrators only.
     */
    @WebMethod
    public void setCarrier(@WebParam(name = "credentials") Credentials credentials,
                           @WebParam(name = "carrier") CarrierSpec carrier) throws GatewayFault {
        String actor = signIn(credentials);
        if (carrier == null) {
            throw new GatewayFault(ErrorCode.INVALID_REQUEST, "The carrier is missing.");
        }
        Calls.run(() -> carriers.get().save(actor, carrier.toChange()));
    }

    /** Removes a carrier added before; refused while a route names it. Provider administrators only. */
    @WebMethod
    public void removeCarrier(@WebParam(name = "credentials") Credentials credentials,
                              @WebParam(name = "name") String name) throws GatewayFault {
        String actor = signIn(credentials);
        Calls.run(() -> carriers.get().remove(actor, name));
    }

    /** The newest login attempts (at most {@code max}, up to 1,000) for a user, newest first. */
    @WebMethod
    @WebResult(name = "attempt")
    public List<LoginAttemptRecord> getLoginAttempts(@WebParam(name = "credentials") Credentials credentials,
                                                     @WebParam(name = "username") String username,
                                                     @WebParam(name = "max") int max) throws GatewayFault {
        String actor = signIn(credentials);
        Long userId = userId(actor, username);
        return Calls.invoke(() -> users.get().loginAttempts(actor, userId, max).stream()
                .map(LoginAttemptRecord::of).toList());
    }

    /** Today's usage of a company (in its time zone): messages accepted, segments, and the daily quota. */
    @WebMethod
    @WebResult(name = "usage")
    public UsageRecord getUsageToday(@WebParam(name = "credentials") Credentials credentials,
                                     @WebParam(name = "company") String company) throws GatewayFault {
        String actor = signIn(credentials);
        Long companyId = companyId(actor, company);
        return Calls.invoke(() -> UsageRecord.of(companies.get().usageToday(actor, companyId)));
    }

    /**
     * Replies that resolved to no user (they went to the fallback mailbox), newest first, at most
     * {@code max} (up to 1,000). Provider administrators only: such replies belong to no company.
     */
    @WebMethod
    @WebResult(name = "reply")
    public List<UnroutedReplyRecord> getUnroutedReplies(@WebParam(name = "credentials") Credentials credentials,
                                                        @WebParam(name = "max") int max) throws GatewayFault {
        String actor = signIn(credentials);
        return Calls.invoke(() -> replies.get().unrouted(actor, max)).stream().map(UnroutedReplyRecord::of).toList();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) throws GatewayFault {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new GatewayFault(ErrorCode.INVALID_REQUEST, "'" + value + "' is not a valid " + field + ".");
        }
    }
}
