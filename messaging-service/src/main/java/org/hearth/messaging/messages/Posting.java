package org.hearth.messaging.messages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hearth.messaging.MessagingEvents.MessagePosted;
import org.hearth.messaging.MessagingSettings;
import org.hearth.messaging.crypto.MessageCipher;
import org.hearth.messaging.live.Deliveries;
import org.hearth.messaging.threads.ChatThread;
import org.hearth.messaging.threads.ThreadAccess;
import org.hearth.platform.tenancy.TenantContext;
import org.springframework.stereotype.Component;

/** Posts a message: seals the text, stores it with its event, and delivers it to the other participants. */
@Component
public class Posting {

    private final Messages messages;
    private final ThreadAccess access;
    private final Deliveries deliveries;
    private final MessageCipher cipher;
    private final Duration acknowledgeWithin;
    private final Clock clock;

    Posting(
            Messages messages,
            ThreadAccess access,
            Deliveries deliveries,
            MessageCipher cipher,
            MessagingSettings settings,
            Clock clock) {
        this.messages = messages;
        this.access = access;
        this.deliveries = deliveries;
        this.cipher = cipher;
        this.acknowledgeWithin = settings.urgent().acknowledgeWithin();
        this.clock = clock;
    }

    /** An urgent item for a role of the care team (an alert owned by "role:coordinator"), not for one person. */
    public static final String ROLE_QUEUE = "role:";

    /** Who an urgent message is for, and who gets it if they do not acknowledge in time. */
    public record UrgentFor(String recipient, String backup) {}

    public Message post(ChatThread thread, String author, String text, UrgentFor urgent, List<String> attachmentIds) {
        return post(UUID.randomUUID().toString(), thread, author, text, urgent, attachmentIds);
    }

    /**
     * Posts under a given id: a notice derived from an event uses an id derived from the event, so a redelivered
     * event posts nothing twice (the deliveries are idempotent too).
     */
    public Message post(
            String id, ChatThread thread, String author, String text, UrgentFor urgent, List<String> attachmentIds) {
        return post(id, thread, author, text, urgent, attachmentIds, null, true);
    }

    /**
     * Posts a system notice for a source event under an id derived from it, with the source reference in clear. Its
     * urgent item, if any, has no due time: the source keeps the clock (an alert escalates in patient-service).
     */
    public Message postNotice(String id, ChatThread thread, String text, UrgentFor urgent, Message.Source source) {
        return post(id, thread, Message.SYSTEM, text, urgent, List.of(), source, false);
    }

    /**
     * Posts a notice for the family in the family thread, delivered live to {@code recipients} only (the family members
     * whose consent covers it); staff read it in the thread but are not interrupted for it.
     */
    public Message postFamilyNotice(
            String id,
            ChatThread thread,
            String text,
            Message.Source source,
            Message.Notice notice,
            Collection<String> recipients) {
        Message message = store(id, thread, Message.SYSTEM, text, null, List.of(), source, notice, false);
        deliveries.deliver(recipients, "MESSAGE", thread.id(), id, thread.patientId(), null);
        return message;
    }

    private Message post(
            String id,
            ChatThread thread,
            String author,
            String text,
            UrgentFor urgent,
            List<String> attachmentIds,
            Message.Source source,
            boolean ownClock) {
        Message message = store(id, thread, author, text, urgent, attachmentIds, source, null, ownClock);
        Set<String> others = new LinkedHashSet<>(access.participants(thread));
        others.remove(author);
        if (urgent != null) {
            others.remove(urgent.recipient());
            if (!urgent.recipient().startsWith(ROLE_QUEUE)) { // a role's members are told by the notice's own delivery
                deliveries.deliver(List.of(urgent.recipient()), "URGENT", thread.id(), id, thread.patientId(), null);
            }
        }
        deliveries.deliver(others, "MESSAGE", thread.id(), id, thread.patientId(), null);
        return message;
    }

    private Message store(
            String id,
            ChatThread thread,
            String author,
            String text,
            UrgentFor urgent,
            List<String> attachmentIds,
            Message.Source source,
            Message.Notice notice,
            boolean ownClock) {
        Instant now = clock.instant();
        String tenant = TenantContext.current().value();
        Message.Urgent urgentState = urgent == null
                ? null
                : new Message.Urgent(
                        urgent.recipient(),
                        urgent.backup(),
                        ownClock ? now.plus(acknowledgeWithin) : null,
                        null,
                        null,
                        null,
                        null);
        Message message = new Message(
                id,
                tenant,
                thread.id(),
                thread.patientId(),
                author,
                cipher.seal(tenant, text, id),
                now,
                null,
                false,
                List.of(),
                List.of(),
                urgentState,
                attachmentIds,
                1,
                List.of(),
                source,
                notice);
        messages.insertIfAbsent(
                message,
                List.of(new MessagePosted(
                        id,
                        thread.id(),
                        thread.patientId(),
                        thread.kind().name(),
                        urgent != null,
                        Message.SYSTEM.equals(author),
                        attachmentIds.size(),
                        now)));
        return messages.find(id).orElse(message);
    }
}
