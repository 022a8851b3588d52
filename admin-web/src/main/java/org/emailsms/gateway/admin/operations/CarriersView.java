package org.emailsms.gateway.admin.operations;

import java.io.Serializable;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.emailsms.gateway.admin.platform.Actions;
import org.emailsms.gateway.admin.security.Caller;
import org.emailsms.gateway.smsc.boundary.CarrierAdministration;
import org.emailsms.gateway.smsc.boundary.CarrierAdministration.CarrierChange;
import org.emailsms.gateway.smsc.boundary.CarrierAdministration.CarrierView;

/**
 * The carriers: the configuration's, read-only, and those added here, which the form adds and
 * changes (a password left empty keeps the one stored) and the list removes. Provider administrators only.
 */
@Named
@ViewScoped
public class CarriersView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient CarrierAdministration administration;

    @Inject
    Caller caller;

    private List<CarrierView> carriers = List.of();
    private String name = "";
    private String host = "";
    private int port = 2775;
    private String systemId = "emailsms";
    private String password = "";
    private String systemType = "";
    private int binds = 1;
    private int window = 10;
    private int throughput;
    private int sourceTon = 1;
    private int sourceNpi = 1;
    private String validityPeriod = "";
    private boolean receipts = true;
    private boolean tls;
    private String trustStore = "";
    private String trustStorePassword = "";

    @PostConstruct
    public void init() {
        Actions.run(() -> carriers = administration.carriers(caller.getName()), null);
    }

    /** Puts an added carrier in the form, its passwords left empty (kept unless typed). */
    public void edit(CarrierView carrier) {
        name = carrier.name();
        host = carrier.host();
        port = carrier.port();
        systemId = carrier.systemId();
        password = "";
        systemType = carrier.systemType();
        binds = carrier.binds();
        window = carrier.window();
        throughput = carrier.throughput();
        sourceTon = carrier.sourceTon();
        sourceNpi = carrier.sourceNpi();
        validityPeriod = carrier.validityPeriod();
        receipts = carrier.receipts();
        tls = carrier.tls();
        trustStore = carrier.trustStore();
        trustStorePassword = "";
    }

    public void save() {
        CarrierChange change = new CarrierChange(name, host, port, systemId, password.isEmpty() ? null : password,
                systemType, binds, window, throughput, sourceTon, sourceNpi, validityPeriod, receipts, tls, trustStore,
                trustStorePassword.isEmpty() ? null : trustStorePassword);
        if (Actions.run(() -> administration.save(caller.getName(), change), "Carrier " + name
                + " saved: every node binds to it within a few seconds.")) {
            password = "";
            trustStorePassword = "";
            init();
        }
    }

    public void remove(String carrier) {
        if (Actions.run(() -> administration.remove(caller.getName(), carrier), "Carrier " + carrier + " removed.")) {
            init();
        }
    }

    public List<CarrierView> getCarriers() {
        return carriers;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public String getSystemId() {
        return systemId;
    }

    public void setSystemId(String systemId) {
        this.systemId = systemId;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password == null ? "" : password;
    }

    public String getSystemType() {
        return systemType;
    }

    public void setSystemType(String systemType) {
        this.systemType = systemType;
    }

    public int getBinds() {
        return binds;
    }

    public void setBinds(int binds) {
        this.binds = binds;
    }

    public int getWindow() {
        return window;
    }

    public void setWindow(int window) {
        this.window = window;
    }

    public int getThroughput() {
        return throughput;
    }

    public void setThroughput(int throughput) {
        this.throughput = throughput;
    }

    public int getSourceTon() {
        return sourceTon;
    }

    public void setSourceTon(int sourceTon) {
        this.sourceTon = sourceTon;
    }

    public int getSourceNpi() {
        return sourceNpi;
    }

    public void setSourceNpi(int sourceNpi) {
        this.sourceNpi = sourceNpi;
    }

    public String getValidityPeriod() {
        return validityPeriod;
    }

    public void setValidityPeriod(String validityPeriod) {
        this.validityPeriod = validityPeriod;
    }

    public boolean isReceipts() {
        return receipts;
    }

    public void setReceipts(boolean receipts) {
        this.receipts = receipts;
    }

    public boolean isTls() {
        return tls;
    }

    public void setTls(boolean tls) {
        this.tls = tls;
    }

    public String getTrustStore() {
        return trustStore;
    }

    public void setTrustStore(String trustStore) {
        this.trustStore = trustStore;
    }

    public String getTrustStorePassword() {
        return trustStorePassword;
    }

    public void setTrustStorePassword(String trustStorePassword) {
        this.trustStorePassword = trustStorePassword == null ? "" : trustStorePassword;
    }
}
