package org.hearth.messaging.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.hearth.messaging.MessagingSettings;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Emails a person who is away (no live stream, not seen for {@code hearth.messaging.mail.away-after}) that something
 * waits in Hearth, at most once per {@code hearth.messaging.mail.quiet-period}. Without an SMTP server configured
 * ({@code spring.mail.host}) nothing is sent. The email is deliberately empty of health information.
 */
@Component
public class OfflineMail {

    private static final Logger log = LoggerFactory.getLogger(OfflineMail.class);
    static final String SUBJECT = "You have a new item in Hearth";

    private final TenantScopedMongo mongo;
    private final Presence presence;
    private final ObjectProvider<JavaMailSender> sender;
    private final String from;
    private final String consoleUrl;
    private final Duration awayAfter;
    private final Duration quietPeriod;
    private final Clock clock;

    OfflineMail(
            TenantScopedMongo mongo,
            Presence presence,
            ObjectProvider<JavaMailSender> sender,
            MessagingSettings settings,
            Clock clock) {
        this.mongo = mongo;
        this.presence = presence;
        this.sender = sender;
        this.from = settings.mail().from();
        this.consoleUrl = settings.consoleUrl();
        this.awayAfter = settings.mail().awayAfter();
        this.quietPeriod = settings.mail().quietPeriod();
        this.clock = clock;
    }

    /** Records that a person is here (called on their requests); keeps the email the token carries. */
    public void seen(String subject, String email) {
        Instant now = clock.instant();
        if (!mongo.updateIfPresent(subject, new Update().set("email", email).set("lastSeenAt", now), Person.class)) {
            try {
                mongo.insert(new Person(subject, TenantContext.current().value(), email, now, null));
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                mongo.updateIfPresent(subject, new Update().set("email", email).set("lastSeenAt", now), Person.class);
            }
        }
    }

    public void remindIfOffline(String subject) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null || presence.online(TenantContext.current().value(), subject)) {
            return;
        }
        Person person = mongo.findById(subject, Person.class).orElse(null);
        Instant now = clock.instant();
        if (person == null
                || person.email() == null
                || (person.lastSeenAt() != null
                        && person.lastSeenAt().plus(awayAfter).isAfter(now))
                || (person.lastMailedAt() != null
                        && person.lastMailedAt().plus(quietPeriod).isAfter(now))) {
            return;
        }
        SimpleMailMessage email = new SimpleMailMessage();
        email.setFrom(from);
        email.setTo(person.email());
        email.setSubject(SUBJECT);
        email.setText("Something in Hearth is waiting for you.\n\nSign in to read it: " + consoleUrl
                + "\n\nFor your patients' privacy this email says nothing more.\n");
        try {
            mail.send(email);
            mongo.updateIfPresent(subject, new Update().set("lastMailedAt", now), Person.class);
        } catch (MailException e) {
            log.warn("Could not email an offline user: {}", e.getMessage()); // the delivery stays in the stream
        }
    }
}
