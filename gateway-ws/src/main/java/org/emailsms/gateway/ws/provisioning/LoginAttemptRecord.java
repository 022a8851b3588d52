package org.emailsms.gateway.ws.provisioning;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

import org.emailsms.gateway.account.boundary.LoginRecord;

/** One login attempt from the audit; the time is ISO-8601 in UTC. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "LoginAttempt", propOrder = {"attemptedAt", "username", "clientIp", "channel", "outcome"})
public class LoginAttemptRecord {

    private String attemptedAt;
    private String username;
    private String clientIp;
    private String channel;
    private String outcome;

    public LoginAttemptRecord() {
    }

    static LoginAttemptRecord of(LoginRecord record) {
        LoginAttemptRecord result = new LoginAttemptRecord();
        result.attemptedAt = record.attemptedAt().toInstant().toString();
        result.username = record.username();
        result.clientIp = record.clientIp();
        result.channel = record.channel().name();
        result.outcome = record.outcome().name();
        return result;
    }

    public String getAttemptedAt() {
        return attemptedAt;
    }

    public String getUsername() {
        return username;
    }

    public String getClientIp() {
        return clientIp;
    }

    public String getChannel() {
        return channel;
    }

    public String getOutcome() {
        return outcome;
    }
}
