package org.emailsms.gateway.account.boundary;

import java.time.OffsetDateTime;

import org.emailsms.gateway.account.entity.LoginAttempt;
import org.emailsms.gateway.account.entity.LoginChannel;
import org.emailsms.gateway.account.entity.LoginOutcome;

/** One line of the login audit, as shown to administrators. */
public record LoginRecord(OffsetDateTime attemptedAt, String username, String clientIp, LoginChannel channel,
                          LoginOutcome outcome) {

    public static LoginRecord of(LoginAttempt attempt) {
        return new LoginRecord(attempt.getAttemptedAt(), attempt.getUsername(), attempt.getClientIp(),
                attempt.getChannel(), attempt.getOutcome());
    }
}
