package org.emailsms.gateway.ws.provisioning;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import org.emailsms.gateway.account.boundary.NewCompany;
import org.emailsms.gateway.account.entity.Company;

/** A new company. Unset message settings take the gateway's defaults. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "CompanySpec", propOrder = {"name", "homeCountry", "allowedCountry", "timeZone", "dailyQuota",
        "splitLongMessages", "maxSegments", "deliveryConfirmation"})
public class CompanySpec {

    @XmlElement(required = true)
    private String name;
    @XmlElement(required = true)
    private String homeCountry;
    private List<String> allowedCountry = new ArrayList<>();
    @XmlElement(required = true)
    private String timeZone;
    private Integer dailyQuota;
    private Boolean splitLongMessages;
    private Integer maxSegments;
    private Boolean deliveryConfirmation;

    NewCompany toRequest() {
        return new NewCompany(name, homeCountry, allowedCountry == null ? List.of() : allowedCountry, timeZone,
                dailyQuota,
                splitLongMessages == null || splitLongMessages,
                maxSegments == null ? Company.DEFAULT_MAX_SEGMENTS : maxSegments,
                deliveryConfirmation != null && deliveryConfirmation);
    }
}
