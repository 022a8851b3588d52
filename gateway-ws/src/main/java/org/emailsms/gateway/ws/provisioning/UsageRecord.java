package org.emailsms.gateway.ws.provisioning;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

import org.emailsms.gateway.account.boundary.Companies.Usage;

/** A company's usage of one day; no dailyQuota means unlimited. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Usage", propOrder = {"messages", "segments", "dailyQuota"})
public class UsageRecord {

    private long messages;
    private long segments;
    private Integer dailyQuota;

    public UsageRecord() {
    }

    static UsageRecord of(Usage usage) {
        UsageRecord record = new UsageRecord();
        record.messages = usage.messages();
        record.segments = usage.segments();
        record.dailyQuota = usage.dailyQuota();
        return record;
    }
}
