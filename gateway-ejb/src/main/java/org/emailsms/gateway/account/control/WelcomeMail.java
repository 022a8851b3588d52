package org.emailsms.gateway.account.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

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

    public void send(User user, String password) {
        outbox.queue(user.getEmail(), "Your EmailSMS account", String.format("""
                Hello,

                An EmailSMS account has been created for you%s.

                  Username: %s
                  Password: %s

                To start sending SMS from your email client, install the EmailSMS add-in, accept the
                licence agreement and activate it with this username and password. Replies to your
                SMS will arrive in this mailbox.

                Keep the password to yourself; your administrator can reset it.
                """, user.getCompany() == null ? "" : " at " + user.getCompany().getName(), user.getUsername(),
                password), MailThreading.standalone("welcome-" + user.getId()));
    }

    public void sendReset(User user, String password) {
        outbox.queue(user.getEmail(), "Your EmailSMS password was reset", String.format("""
                Hello,

                Your administrator has reset the password of your EmailSMS account '%s'.

                  New password: %s

                Activate the add-in again with it: add-ins activated with the old password no
                longer work. If you sign in to the administration portal, you will be asked to
                choose a password of your own.
                """, user.getUsername(), password), MailThreading.standalone("reset-" + user.getId() + "-"
                + System.currentTimeMillis()));
    }
}
