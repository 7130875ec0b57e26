package org.hearth.messaging.messages;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hearth.messaging.MessagingEvents.UrgentAcknowledged;
import org.hearth.messaging.MessagingSettings;
import org.hearth.messaging.attachments.Attachments;
import org.hearth.messaging.crypto.MessageCipher;
import org.hearth.messaging.live.Deliveries;
import org.hearth.messaging.threads.ChatThread;
import org.hearth.messaging.threads.ThreadAccess;
import org.hearth.messaging.threads.ThreadController;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.FieldError;
import org.hearth.platform.problem.ProblemType;
import org.hearth.platform.security.Caller;
import org.hearth.platform.web.IdempotencyKeys;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Messages of a thread: post (maybe urgent, maybe with attachments), read, mark read, edit, delete, acknowledge. */
@RestController
@RequestMapping("/api/messaging/v1/threads/{threadId}/messages")
@Tag(name = "Messages")
@PreAuthorize(ThreadController.PEOPLE)
class MessageController {

    static final int MAX_CHARACTERS = 4000;

    private final Messages messages;
    private final Posting posting;
    private final ThreadAccess access;
    private final Attachments attachments;
    private final Deliveries deliveries;
    private final MessageCipher cipher;
    private final IdempotencyKeys idempotency;
    private final JsonMapper json;
    private final Duration editWindow;
    private final Clock clock;

    MessageController(
            Messages messages,
            Posting posting,
            ThreadAccess access,
            Attachments attachments,
            Deliveries deliveries,
            MessageCipher cipher,
            IdempotencyKeys idempotency,
            JsonMapper json,
            MessagingSettings settings,
            Clock clock) {
        this.messages = messages;
        this.posting = posting;
        this.access = access;
        this.attachments = attachments;
        this.deliveries = deliveries;
        this.cipher = cipher;
        this.idempotency = idempotency;
        this.json = json;
        this.editWindow = settings.editWindow();
        this.clock = clock;
    }

    record PostRequest(
            @NotBlank @Size(max = MAX_CHARACTERS) String body,
            @Valid UrgentRequest urgent,
            @Size(max = 10) List<@NotBlank String> attachmentIds) {}

    record UrgentRequest(@NotBlank String recipient, String backup) {}

    record EditRequest(@NotBlank @Size(max = MAX_CHARACTERS) String body) {}

    @PostMapping
    @Operation(
            summary = "Post a message (at most 4,000 characters)",
            description = "urgent names a participant who must acknowledge, and a backup who gets it if they do not "
                    + "within hearth.messaging.urgent.acknowledge-within (30 min); attachments are uploaded first. "
                    + "With Idempotency-Key, a retry of the same request answers the same message (201, same Location) "
                    + "and posts nothing twice; the same key with another body (or thread) is 422")
    ResponseEntity<MessageView> post(
            @PathVariable String threadId,
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String key,
            @Valid @RequestBody PostRequest request) {
        String me = Caller.subject();
        ChatThread thread = access.readable(threadId, me);
        List<FieldError> errors = new ArrayList<>();
        var participants = access.participants(thread);
        if (request.urgent() != null) {
            if (!participants.contains(request.urgent().recipient())) {
                errors.add(new FieldError("urgent.recipient", "must take part in this thread"));
            }
            if (request.urgent().backup() != null
                    && !participants.contains(request.urgent().backup())) {
                errors.add(new FieldError("urgent.backup", "must take part in this thread"));
            }
        }
        List<String> attached = request.attachmentIds() == null ? List.of() : request.attachmentIds();
        for (int i = 0; i < attached.size(); i++) {
            if (!attachments.belongsTo(threadId, attached.get(i))) {
                errors.add(new FieldError("attachmentIds[" + i + "]", "no such attachment in this thread"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        // the thread is part of what the key stands for: the same text to another thread is another request
        Message message = idempotency
                .createOnce(
                        key,
                        me,
                        threadId + "\n" + json.writeValueAsString(request),
                        id -> messages.find(id).filter(m -> m.threadId().equals(threadId)),
                        id -> posting.post(
                                id,
                                thread,
                                me,
                                request.body(),
                                request.urgent() == null
                                        ? null
                                        : new Posting.UrgentFor(
                                                request.urgent().recipient(),
                                                request.urgent().backup()),
                                attached))
                .resource();
        return ResponseEntity.created(URI.create("/api/messaging/v1/threads/" + threadId + "/messages/" + message.id()))
                .body(view(message));
    }

    @GetMapping
    @Operation(summary = "Messages, newest first; page back with before=<sentAt of the oldest seen>")
    List<MessageView> list(
            @PathVariable String threadId,
            @RequestParam(required = false) Instant before,
            @RequestParam(required = false) @Min(1) @Max(200) Integer size) {
        String me = Caller.subject();
        ChatThread thread = access.readable(threadId, me);
        // a family member reads the notices their consent covers (the schedule, the plan), not the others
        return messages.ofThread(threadId, before, size == null ? 50 : size).stream()
                .filter(m -> m.notice() == null
                        || access.consents(thread, me, m.notice().scope()))
                .map(this::view)
                .toList();
    }

    @PostMapping("/{messageId}/read")
    @Operation(summary = "A read receipt")
    MessageView read(@PathVariable String threadId, @PathVariable String messageId) {
        String me = Caller.subject();
        Message message = inThread(threadId, messageId, me);
        if (message.readBy().stream().noneMatch(r -> r.subject().equals(me))) {
            messages.update(
                    messageId,
                    message.version(),
                    new Update().push("readBy", new Message.Receipt(me, clock.instant())),
                    List.of());
        }
        return view(messages.find(messageId).orElseThrow());
    }

    @PutMapping("/{messageId}")
    @Operation(summary = "Edit my message within the edit window (15 min); the earlier text is kept and audited")
    MessageView edit(
            @PathVariable String threadId, @PathVariable String messageId, @Valid @RequestBody EditRequest request) {
        Message message = ownRecent(threadId, messageId);
        Instant now = clock.instant();
        Update update = new Update()
                .set("body", cipher.seal(message.tenantId(), request.body(), messageId))
                .set("editedAt", now)
                .push("revisions", new Message.Revision(message.body(), now, "EDITED"));
        write(message, update);
        return view(messages.find(messageId).orElseThrow());
    }

    @DeleteMapping("/{messageId}")
    @Operation(summary = "Delete my message within the edit window; the text stays in the audited history only")
    ResponseEntity<Void> delete(@PathVariable String threadId, @PathVariable String messageId) {
        Message message = ownRecent(threadId, messageId);
        Instant now = clock.instant();
        write(
                message,
                new Update()
                        .set("deleted", true)
                        .set("editedAt", now)
                        .push("revisions", new Message.Revision(message.body(), now, "DELETED")));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{messageId}/acknowledgement")
    @Operation(summary = "Acknowledge an urgent message (its recipient, or the backup once escalated)")
    MessageView acknowledge(@PathVariable String threadId, @PathVariable String messageId) {
        String me = Caller.subject();
        Message message = inThread(threadId, messageId, me);
        Message.Urgent urgent = message.urgent();
        if (urgent == null) {
            throw ApiException.conflict("This message is not urgent");
        }
        if (!mayAcknowledge(message, me)) {
            throw new ApiException(
                    ProblemType.FORBIDDEN,
                    "Only the urgent message's recipient (or its backup, once " + "escalated) acknowledges it");
        }
        if (urgent.acknowledgedAt() != null || urgent.closedAt() != null) {
            return view(message);
        }
        Instant now = clock.instant();
        // an alert notice's acknowledgement is the alert's: patient-service reads the alert id and acknowledges it
        // there
        String alertId = message.isAlertNotice() ? message.source().ref() : null;
        write(
                message,
                new Update().set("urgent.acknowledgedAt", now).set("urgent.acknowledgedBy", me),
                List.of(new UrgentAcknowledged(
                        messageId, threadId, message.patientId(), me, now, urgent.escalatedAt() != null, alertId)));
        deliveries.deliver(
                List.of(message.author()).stream()
                        .filter(a -> !Message.SYSTEM.equals(a))
                        .toList(),
                "ACKNOWLEDGED",
                threadId,
                messageId,
                message.patientId(),
                null);
        return view(messages.find(messageId).orElseThrow());
    }

    /**
     * The recipient, the backup once escalated, or for an item owned by a role of the care team (an alert without a
     * lead physician), any member with that role.
     */
    private boolean mayAcknowledge(Message message, String me) {
        Message.Urgent urgent = message.urgent();
        return holds(urgent.recipient(), message, me)
                || urgent.escalatedAt() != null && holds(urgent.backup(), message, me);
    }

    private boolean holds(String who, Message message, String me) {
        if (who == null) {
            return false;
        }
        return me.equals(who)
                || who.startsWith(Posting.ROLE_QUEUE)
                        && message.patientId() != null
                        && access.hasTeamRole(
                                message.patientId(),
                                me,
                                who.substring(Posting.ROLE_QUEUE.length()).toUpperCase(java.util.Locale.ROOT));
    }

    private Message inThread(String threadId, String messageId, String me) {
        access.readable(threadId, me);
        return messages.find(messageId)
                .filter(m -> m.threadId().equals(threadId))
                .orElseThrow(() -> ApiException.notFound("Message " + messageId));
    }

    private Message ownRecent(String threadId, String messageId) {
        String me = Caller.subject();
        Message message = inThread(threadId, messageId, me);
        if (!me.equals(message.author())) {
            throw new ApiException(ProblemType.FORBIDDEN, "Only the author edits or deletes a message");
        }
        if (message.deleted()) {
            throw ApiException.conflict("The message was deleted");
        }
        if (message.sentAt().plus(editWindow).isBefore(clock.instant())) {
            throw ApiException.conflict("Messages can be changed for " + editWindow.toMinutes() + " minutes after "
                    + "sending; post a correction instead");
        }
        return message;
    }

    private void write(Message message, Update update) {
        write(message, update, List.of());
    }

    private void write(Message message, Update update, List<? extends org.hearth.platform.events.DomainEvent> events) {
        if (!messages.update(message.id(), message.version(), update, events)) {
            throw ApiException.conflict("The message changed at the same time; try again");
        }
    }

    private MessageView view(Message m) {
        String body = m.deleted() ? null : cipher.openText(m.tenantId(), m.body(), m.id());
        return new MessageView(
                m.id(),
                m.threadId(),
                m.author(),
                body,
                m.sentAt(),
                m.editedAt(),
                m.deleted(),
                m.revisions().size(),
                m.readBy(),
                m.urgent(),
                m.attachmentIds(),
                m.notice());
    }
}
