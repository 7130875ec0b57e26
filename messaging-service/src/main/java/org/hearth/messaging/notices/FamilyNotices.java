package org.hearth.messaging.notices;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.hearth.messaging.MessagingSettings;
import org.hearth.messaging.messages.Message;
import org.hearth.messaging.messages.Posting;
import org.hearth.messaging.patients.PatientCircle;
import org.hearth.messaging.patients.PatientCircles;
import org.hearth.platform.events.IncomingEvent;
import org.springframework.stereotype.Component;

/**
 * Tells the family, in the patient's family thread, that the plan of care changed (a version signed) or that the
 * schedule changed (a visit booked, moved or cancelled). Each notice carries the consent it needs: a family member
 * reads and is told live of a schedule notice only with SCHEDULE and of a plan notice only with CARE_PLAN_SUMMARY (and
 * MESSAGES, to be in the thread at all). The notice is posted whatever the circle is now, so that a consent granted
 * later (or a circle read after the event) shows what happened; the read side filters by consent.
 */
@Component
class FamilyNotices {

    static final String CARE_PLAN_SUMMARY = "CARE_PLAN_SUMMARY";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd 'at' HH:mm");

    private final org.hearth.messaging.threads.Threads threads;
    private final PatientCircles circles;
    private final Posting posting;
    private final Clock clock;
    private final ZoneId zone;

    FamilyNotices(
            org.hearth.messaging.threads.Threads threads,
            PatientCircles circles,
            Posting posting,
            Clock clock,
            MessagingSettings settings) {
        this.threads = threads;
        this.circles = circles;
        this.posting = posting;
        this.clock = clock;
        this.zone = settings.zone();
    }

    void planSigned(IncomingEvent event, EventReadersV1.CarePlanSigned signed) {
        String text = "The plan of care changed: version " + signed.planVersion() + " was signed on "
                + ZonedDateTime.ofInstant(signed.signedAt(), zone).toLocalDate() + ".";
        post(
                event,
                signed.patientId(),
                text,
                new Message.Notice(
                        "PLAN_SIGNED", CARE_PLAN_SUMMARY, null, signed.signedAt(), null, signed.planVersion()),
                "CarePlanSigned",
                String.valueOf(signed.planVersion()));
    }

    void visitScheduled(IncomingEvent event, EventReadersV1.VisitScheduled booked) {
        post(
                event,
                booked.patientId(),
                "A " + booked.discipline() + " visit was booked for " + when(booked.start()) + ".",
                new Message.Notice(
                        "VISIT_SCHEDULED", NoticeConsumers.SCHEDULE, booked.discipline(), booked.start(), null, null),
                "VisitScheduled",
                booked.visitId());
    }

    void visitRescheduled(IncomingEvent event, EventReadersV1.VisitRescheduled moved) {
        post(
                event,
                moved.patientId(),
                "The " + moved.discipline() + " visit of " + when(moved.previousStart()) + " was moved to "
                        + when(moved.start()) + ".",
                new Message.Notice(
                        "VISIT_RESCHEDULED",
                        NoticeConsumers.SCHEDULE,
                        moved.discipline(),
                        moved.start(),
                        moved.previousStart(),
                        null),
                "VisitRescheduled",
                moved.visitId());
    }

    void visitCancelled(IncomingEvent event, EventReadersV1.VisitCancelled cancelled) {
        post(
                event,
                cancelled.patientId(),
                "The " + cancelled.discipline() + " visit of " + when(cancelled.scheduledStart()) + " was cancelled.",
                new Message.Notice(
                        "VISIT_CANCELLED",
                        NoticeConsumers.SCHEDULE,
                        cancelled.discipline(),
                        cancelled.scheduledStart(),
                        null,
                        null),
                "VisitCancelled",
                cancelled.visitId());
    }

    private String when(Instant at) {
        return at == null ? "a day to be set" : WHEN.format(ZonedDateTime.ofInstant(at, zone));
    }

    private void post(
            IncomingEvent event, String patientId, String text, Message.Notice notice, String sourceType, String ref) {
        List<String> told = circles.find(patientId)
                .map(c -> c.careCircle().stream()
                        .filter(m -> m.scopes().contains(org.hearth.messaging.threads.ThreadAccess.MESSAGES)
                                && m.scopes().contains(notice.scope()))
                        .map(PatientCircle.CircleMember::subject)
                        .toList())
                .orElse(List.of());
        posting.postFamilyNotice(
                idFor(event),
                threads.familyOf(patientId, clock.instant()),
                text,
                new Message.Source(sourceType, ref, event.id()),
                notice,
                told);
    }

    /** Not the care-team notice's id: the same event may post both. */
    static String idFor(IncomingEvent event) {
        return java.util
                .UUID
                .nameUUIDFromBytes(("family-notice|" + event.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }
}
