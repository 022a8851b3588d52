package org.emailsms.gateway.account.control;

import java.time.Duration;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.mail.control.MailOutbox;
import org.emailsms.gateway.mail.entity.MailThreading;

/**
 * The activation email a new user gets, with the generated password and instructions, through the
 * outbox in the transaction that creates the user; and the email of a password reset.
 */
@Dependent
public class WelcomeMail {

    @Inject
    MailOutbox outbox;

    @Inject
    @ConfigProperty(name = "gateway.password.temporary-lifetime", defaultValue = "P7D")
    Duration givenPasswordLifetime;

    public void send(User user, String password) {
        String start = user.isMustChangePassword() ? String.format("""
                This password works for one thing only: choosing a password of your own, within %d
                days (after that it expires and your administrator must reset it). Choose yours
                when the EmailSMS add-in or the emailsms command ("emailsms password") asks, or, as
                an administrator, when you first sign in to the administration portal. Then install
                the add-in, accept the licence agreement and activate it with your username and your
                new password.""", givenPasswordLifetime.toDays()) : """
                To start sending SMS from your email client, install the EmailSMS add-in, accept the
                licence agreement and activate it with this username and password.""";
        outbox.queue(user.getEmail(), "Your EmailSMS account", String.format("""
                Hello,

                An EmailSMS account has been created for you%s.

                  Username: %s
                  Password: %s

                %s Replies to your SMS will arrive in this mailbox.

                Keep your password to yourself; your administrator can reset it.
                """, user.getCompany() == null ? "" : " at " + user.getCompany().getName(), user.getUsername(),
                password, start), MailThreading.standalone("welcome-" + user.getId()));
    }

    public void sendReset(User user, String password) {
        outbox.queue(user.getEmail(), "Your EmailSMS password was reset", String.format("""
                Hello,

                Your administrator has reset the password of your EmailSMS account '%s'.

                  New password: %s

                Add-ins activated with the old password no longer work. This password works for
                one thing only, within %d days: choosing a password of your own (the add-in, the
                command "emailsms password", or the administration portal asks for it). Then
                activate the add-in again with your new password.
                """, user.getUsername(), password, givenPasswordLifetime.toDays()), MailThreading.standalone("reset-" + user.getId() + "-"
                + System.currentTimeMillis()));
    }
}
