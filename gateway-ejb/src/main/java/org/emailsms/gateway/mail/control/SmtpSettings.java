package org.emailsms.gateway.mail.control;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The SMTP server the gateway hands its email to (MicroProfile Config, see the README). */
@ApplicationScoped
public class SmtpSettings {

    @Inject
    @ConfigProperty(name = "gateway.mail.host", defaultValue = "localhost")
    String host;

    @Inject
    @ConfigProperty(name = "gateway.mail.port", defaultValue = "25")
    int port;

    /** none, starttls or ssl. */
    @Inject
    @ConfigProperty(name = "gateway.mail.tls", defaultValue = "none")
    String tls;

    @Inject
    @ConfigProperty(name = "gateway.mail.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "gateway.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "gateway.mail.from", defaultValue = "EmailSMS gateway <gateway@localhost>")
    String from;

    @Inject
    @ConfigProperty(name = "gateway.mail.retry-interval", defaultValue = "PT30S")
    Duration retryInterval;

    @Inject
    @ConfigProperty(name = "gateway.mail.sweep-interval", defaultValue = "PT5S")
    Duration sweepInterval;

    /** Made once: a mail session reads its providers from the class path, which costs more than the email. */
    private volatile Session session;

    public Session session() {
        Session made = session;
        if (made == null) {
            made = newSession();
            session = made;
        }
        return made;
    }

    private Session newSession() {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", Integer.toString(port));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "20000");
        props.put("mail.smtp.writetimeout", "20000");
        props.put("mail.smtp.starttls.enable", Boolean.toString("starttls".equals(tls)));
        props.put("mail.smtp.starttls.required", Boolean.toString("starttls".equals(tls)));
        props.put("mail.smtp.ssl.enable", Boolean.toString("ssl".equals(tls)));
        boolean authenticated = user.filter(u -> !u.isBlank()).isPresent();
        props.put("mail.smtp.auth", Boolean.toString(authenticated));
        Authenticator credentials = authenticated ? new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user.get(), password.orElse(""));
            }
        } : null;
        return Session.getInstance(props, credentials);
    }

    public String from() {
        return from;
    }

    public Duration retryInterval() {
        return retryInterval;
    }

    public Duration sweepInterval() {
        return sweepInterval;
    }
}
