package org.emailsms.gateway.ws.account;

import jakarta.annotation.Resource;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;

import com.sun.xml.ws.developer.SchemaValidation;

import org.emailsms.gateway.account.boundary.ActivationService;
import org.emailsms.gateway.ws.platform.Boundary;
import org.emailsms.gateway.ws.platform.Callers;
import org.emailsms.gateway.ws.platform.Calls;
import org.emailsms.gateway.ws.platform.SerialCalls;
import org.emailsms.gateway.ws.platform.GatewayFault;
import org.emailsms.gateway.ws.platform.Namespaces;

/**
 * Add-in activation, served over HTTPS only: the username and password travel here and
 * nowhere else. Every later call carries the 16-digit serial this returns.
 */
// Requests are checked against the WSDL's schema: an unknown or misspelt element is a fault, never silently ignored.
@SchemaValidation(outbound = false)
@WebService(name = "Account", serviceName = "AccountService", portName = "AccountPort",
        targetNamespace = Namespaces.V1)
public class AccountEndpoint {

    @Resource
    WebServiceContext context;

    private final Boundary<ActivationService> activationService = Boundary.of(ActivationService.class);

    private ActivationService activations() {
        return activationService.get();
    }

    /**
     * A new serial for the user. {@code acceptedLicence} is the version of {@link #getLicence()} the
     * user accepted; clients that predate the licence leave it out, which works unless the user's
     * company requires the licence ({@code LICENCE_NOT_ACCEPTED}, as does a version that is not the
     * current one).
     */
    @WebMethod
    @WebResult(name = "serial")
    public String activate(@WebParam(name = "username") String username,
                           @WebParam(name = "password") String password,
                           @WebParam(name = "clientInfo") String clientInfo,
                           @WebParam(name = "acceptedLicence") String acceptedLicence) throws GatewayFault {
        String clientIp = Callers.clientIp(context);
        return Calls.invoke(() -> activations().activate(username, password, clientInfo, clientIp, acceptedLicence));
    }

    /**
     * The user replaces their own password; a password given to them (generated or reset) works
     * here and nowhere else until they do. Their add-ins' serials are revoked unless
     * {@code keepActivations} is true (a password that leaked may have activated one).
     */
    @WebMethod
    public void changePassword(@WebParam(name = "username") String username,
                               @WebParam(name = "currentPassword") String currentPassword,
                               @WebParam(name = "newPassword") String newPassword,
                               @WebParam(name = "keepActivations") Boolean keepActivations) throws GatewayFault {
        String clientIp = Callers.clientIp(context);
        Calls.run(() -> activations().changePassword(username, currentPassword, newPassword,
                Boolean.TRUE.equals(keepActivations), clientIp));
    }

    /** The end-user licence to show before activating, and its version. */
    @WebMethod
    @WebResult(name = "licence")
    public LicenceInfo getLicence() throws GatewayFault {
        return Calls.invoke(() -> LicenceInfo.of(activations().licence()));
    }

    @WebMethod
    @WebResult(name = "account")
    public AccountDetails getAccount(@WebParam(name = "serial") String serial) throws GatewayFault {
        return SerialCalls.invoke(context, () -> AccountDetails.of(activations().describe(serial)));
    }

    @WebMethod
    public void deactivate(@WebParam(name = "serial") String serial) throws GatewayFault {
        SerialCalls.run(context, () -> activations().deactivate(serial));
    }
}
