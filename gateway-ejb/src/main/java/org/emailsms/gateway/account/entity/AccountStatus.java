package org.emailsms.gateway.account.entity;

/** Whether a company, department or user may use the gateway. */
public enum AccountStatus {
    ACTIVE,
    DISABLED
}
