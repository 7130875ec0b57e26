package org.hearth.patient.fhir;

import java.sql.Date;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hearth.patient.careplan.CarePlanContent;
import org.hearth.patient.careplan.CarePlanStatus;
import org.hearth.patient.careplan.CarePlanVersion;
import org.hearth.patient.careplan.FrequencyOrder;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityDetailComponent;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityKind;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;

/**
 * One version of the plan of care as a FHIR {@code CarePlan}. Its id is the patient's (one plan per patient, whose
 * versions are the resource's history: {@code meta.versionId} is the plan's version number). Activities: one per
 * weekly segment and one for the as-needed visits of each frequency order, then the medications, interventions,
 * diet, equipment and community services; goals are contained {@code Goal}s.
 */
final class CarePlanMapper {

    private CarePlanMapper() {}

    static CarePlan toFhir(String patientId, CarePlanVersion version) {
        CarePlan plan = new CarePlan();
        plan.setId(patientId);
        plan.getMeta().setVersionId(String.valueOf(version.number()));
        plan.getMeta().setLastUpdated(Codes.date(lastChange(version)));
        plan.setStatus(
                switch (version.status()) {
                    case DRAFT -> CarePlan.CarePlanStatus.DRAFT;
                    case ACTIVE -> CarePlan.CarePlanStatus.ACTIVE;
                    case SUPERSEDED -> CarePlan.CarePlanStatus.REVOKED;
                });
        plan.setIntent(CarePlan.CarePlanIntent.PLAN);
        plan.setTitle("Plan of care, version " + version.number());
        plan.setSubject(Codes.patient(patientId));
        plan.addCareTeam(new Reference("CareTeam/" + patientId));
        plan.setCreated(Codes.date(version.authoredAt()));
        if (version.signedAt() != null) {
            plan.setPeriod(new Period().setStart(Codes.date(version.signedAt())));
        }
        CarePlanContent content = version.content();
        plan.setDescription(content.problems().stream()
                .map(CarePlanContent.Problem::description)
                .collect(Collectors.joining("; ")));
        CarePlanActivityStatus activityStatus = switch (version.status()) {
            case DRAFT -> CarePlanActivityStatus.NOTSTARTED;
            case ACTIVE -> CarePlanActivityStatus.INPROGRESS;
            case SUPERSEDED -> CarePlanActivityStatus.STOPPED;
        };
        int goal = 0;
        for (CarePlanContent.Problem problem : content.problems()) {
            for (CarePlanContent.Goal g : problem.goals()) {
                String id = "goal-" + (++goal);
                Goal contained = new Goal();
                contained.setId(id);
                contained.setLifecycleStatus(
                        version.status() == CarePlanStatus.SUPERSEDED
                                ? Goal.GoalLifecycleStatus.CANCELLED
                                : Goal.GoalLifecycleStatus.ACTIVE);
                contained.setDescription(new CodeableConcept().setText(g.description()));
                contained.setSubject(Codes.patient(patientId));
                contained.addAddresses().setDisplay(problem.description());
                contained
                        .addTarget()
                        .setMeasure(new CodeableConcept().setText(g.measure()))
                        .setDue(new DateType(Date.valueOf(g.targetDate())));
                plan.addContained(contained);
                plan.addGoal(new Reference("#" + id));
            }
        }
        for (FrequencyOrder order : version.frequencyOrders()) {
            CodeableConcept discipline = Codes.concept(
                    Codes.DISCIPLINE,
                    order.discipline().name(),
                    order.discipline().description());
            for (FrequencyOrder.Segment segment : order.segments()) {
                Timing timing = new Timing();
                timing.getRepeat()
                        .setFrequency(segment.minPerWeek())
                        .setPeriod(1)
                        .setPeriodUnit(Timing.UnitsOfTime.WK)
                        .setBounds(new org.hl7.fhir.r4.model.Duration()
                                .setValue(segment.weeks())
                                .setUnit("wk")
                                .setSystem(Codes.UCUM)
                                .setCode("wk"));
                if (segment.maxPerWeek() > segment.minPerWeek()) {
                    timing.getRepeat().setFrequencyMax(segment.maxPerWeek());
                }
                detail(
                                plan,
                                activityStatus,
                                CarePlanActivityKind.SERVICEREQUEST,
                                order.discipline() + " " + segment + " (" + order + ")")
                        .setCode(discipline.copy())
                        .setScheduled(timing);
            }
            if (order.prnVisits() > 0) {
                detail(
                                plan,
                                activityStatus,
                                CarePlanActivityKind.SERVICEREQUEST,
                                order.discipline() + " " + order.prnVisits() + " PRN visits (as needed)")
                        .setCode(discipline.copy());
            }
        }
        for (CarePlanContent.Medication medication : content.medications()) {
            CarePlanActivityDetailComponent detail = detail(
                    plan,
                    activityStatus,
                    CarePlanActivityKind.MEDICATIONREQUEST,
                    medication.dose() + " " + Codes.code(medication.route())
                            + " at "
                            + medication.times().stream().map(Object::toString).collect(Collectors.joining(", ")));
            detail.setProduct(new CodeableConcept().setText(medication.name()));
            Period course = new Period().setStartElement(day(medication.start()));
            if (medication.stop() != null) {
                course.setEndElement(day(medication.stop()));
            }
            detail.setScheduled(course);
        }
        content.interventions().forEach(text -> detail(plan, activityStatus, null, text));
        content.diet().forEach(text -> detail(plan, activityStatus, CarePlanActivityKind.NUTRITIONORDER, text));
        content.equipment()
                .forEach(e -> detail(
                        plan,
                        activityStatus,
                        CarePlanActivityKind.DEVICEREQUEST,
                        e.item() + " (" + Codes.code(e.status()) + ")"));
        content.communityServices().forEach(text -> detail(plan, activityStatus, null, "Community service: " + text));
        return plan;
    }

    private static org.hl7.fhir.r4.model.DateTimeType day(java.time.LocalDate date) {
        return new org.hl7.fhir.r4.model.DateTimeType(date.toString());
    }

    private static CarePlanActivityDetailComponent detail(
            CarePlan plan, CarePlanActivityStatus status, CarePlanActivityKind kind, String description) {
        CarePlanActivityDetailComponent detail = plan.addActivity().getDetail();
        detail.setStatus(status).setDescription(description);
        if (kind != null) {
            detail.setKind(kind);
        }
        return detail;
    }

    /** When the version last changed: signed, else submitted, else written. */
    static Instant lastChange(CarePlanVersion version) {
        return Stream.of(version.signedAt(), version.submittedAt(), version.authoredAt())
                .filter(java.util.Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(null);
    }
}
