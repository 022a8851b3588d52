package org.emailsms.gateway.ws.provisioning;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import org.emailsms.gateway.smsc.boundary.CarrierAdministration.CarrierChange;
import org.emailsms.gateway.smsc.boundary.CarrierAdministration.CarrierView;

/**
 * A carrier (an SMSC account and how to bind to it). Read back, {@code password} and
 * {@code trustStorePassword} are never given: {@code passwordSet} says whether one is. Written,
 * a password left out keeps the one stored and an empty one removes it. {@code editable} is false
 * for the configuration's carriers, which only the configuration changes.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Carrier", propOrder = {"name", "editable", "host", "port", "systemId", "password", "passwordSet",
        "systemType", "binds", "window", "throughput", "sourceTon", "sourceNpi", "validityPeriod", "receipts", "tls",
        "trustStore", "trustStorePassword"})
public class CarrierSpec {

    @XmlElement(required = true)
    private String name;
    private Boolean editable;
    @XmlElement(required = true)
    private String host;
    private Integer port;
    private String systemId;
    private String password;
    private Boolean passwordSet;
    private String systemType;
    private Integer binds;
    private Integer window;
    private Integer throughput;
    private Integer sourceTon;
    private Integer sourceNpi;
    /** ISO-8601, such as P2D; empty or left out for the SMSC's default. */
    private String validityPeriod;
    private Boolean receipts;
    private Boolean tls;
    private String trustStore;
    private String trustStorePassword;

    public CarrierSpec() {
    }

    static CarrierSpec of(CarrierView view) {
        CarrierSpec spec = new CarrierSpec();
        spec.name = view.name();
        spec.editable = view.editable();
        spec.host = view.host();
        spec.port = view.port();
        spec.systemId = view.systemId();
        spec.passwordSet = view.passwordSet();
        spec.systemType = view.systemType();
        spec.binds = view.binds();
        spec.window = view.window();
        spec.throughput = view.throughput();
        spec.sourceTon = view.sourceTon();
        spec.sourceNpi = view.sourceNpi();
        spec.validityPeriod = view.validityPeriod();
        spec.receipts = view.receipts();
        spec.tls = view.tls();
        spec.trustStore = view.trustStore();
        return spec;
    }

    /** What is left out takes the defaults of a carrier's keys: port 2775, one bind, window 10, TON and NPI 1, receipts. */
    CarrierChange toChange() {
        return new CarrierChange(name, host, port == null ? 2775 : port, systemId == null ? "emailsms" : systemId,
                password, systemType, binds == null ? 1 : binds, window == null ? 10 : window,
                throughput == null ? 0 : throughput, sourceTon == null ? 1 : sourceTon, sourceNpi == null ? 1 : sourceNpi,
                validityPeriod, receipts == null || receipts, tls != null && tls, trustStore, trustStorePassword);
    }
}
