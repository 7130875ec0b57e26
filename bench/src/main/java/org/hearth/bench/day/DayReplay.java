package org.hearth.bench.day;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.hearth.bench.Fixtures;
import org.hearth.bench.day.DayMix.Op;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The day's operations against the stack, open loop: each is started at its planned time on its own virtual
 * thread, whatever the earlier ones are still doing, and its latency runs from that planned time to its last
 * answer. An operation is what a person does, with the calls the console makes for it: a booking reads the visit
 * (for its ETag) and books it; a plan signing is the coordinator's draft and the lead physician's signature, each
 * after reading the plan. The operations go round the agencies in turn.
 */
final class DayReplay {

    /** The agencies' zone: the services' {@code hearth.*.zone}, in which a clinician's day and check-in close. */
    static final ZoneId AGENCY_ZONE = ZoneId.of("America/New_York");

    private static final String PATIENTS = "/api/patients/v1/patients";
    private static final String VISITS = "/api/scheduling/v1/visits";
    private static final String THREADS = "/api/messaging/v1/threads";

    /** What the replay knows of one agency, read before the clock starts. */
    static final class Ready {
        final DayAgency agency;
        final ObjectNode saved;
        final List<String> patients = new ArrayList<>();
        final List<String> signing = new ArrayList<>();
        final Map<String, String> coverage = new HashMap<>();
        final Map<String, String> careTeamThread = new HashMap<>();
        final Map<String, Deque<String>> unscheduled = new HashMap<>();
        final Deque<String[]> booked = new ArrayDeque<>();
        final Deque<String[]> checkedIn = new ArrayDeque<>();
        final Map<String, Slots> slots = new HashMap<>();
        int nextClinician;
        int nextSigning;

        Ready(DayAgency agency, ObjectNode saved) {
            this.agency = agency;
            this.saved = saved;
        }
    }

    private final Http gateway;
    private final Tokens tokens;
    private final DayState state;
    private final LatencyBook book = new LatencyBook();
    private final List<Ready> agencies = new ArrayList<>();

    DayReplay(Http gateway, Tokens tokens, DayState state) {
        this.gateway = gateway;
        this.tokens = tokens;
        this.state = state;
    }

    LatencyBook book() {
        return book;
    }

    /**
     * Reads each agency's patients, unscheduled visits of the agency's day and care-team threads, and takes every
     * person's token. A tenth of each agency's patients (at least one) get the day's plan signings and none of its
     * bookings: a signed plan replaces the unscheduled visits it generated, which a booking may hold.
     */
    void prepare(List<DayAgency> list) throws InterruptedException {
        List<String> people = new ArrayList<>();
        for (DayAgency agency : list) {
            people.add(agency.coordinator());
            people.add(agency.physician());
            people.add(agency.billing());
            agency.clinicians().forEach(c -> people.add(c.username()));
        }
        tokens.takeAll(people);
        LocalDate today = LocalDate.now(AGENCY_ZONE);
        for (DayAgency agency : list) {
            Ready ready = new Ready(agency, state.agency(agency.alias()));
            JsonNode saved = ready.saved;
            for (int i = 0; i < agency.patients(); i++) {
                JsonNode p = saved.path("patients").path(Integer.toString(i));
                if (p.path("id").isMissingNode()
                        || p.path("coverage").asString("").isEmpty()) {
                    throw new IllegalStateException(agency.alias() + " patient " + i + " is not populated yet");
                }
                String id = p.path("id").asString();
                (i >= agency.patients() - Math.max(1, agency.patients() / 10) ? ready.signing : ready.patients).add(id);
                ready.coverage.put(id, p.path("coverage").asString());
            }
            String coordinator = tokens.of(agency.coordinator());
            for (int page = 0; ; page++) {
                JsonNode answer = gateway.get(coordinator, VISITS + "?status=UNSCHEDULED&size=200&page=" + page)
                        .expect("unscheduled visits of " + agency.alias())
                        .body();
                for (JsonNode v : answer.path("items")) {
                    // a PRN visit has no ordered week; the others must be booked within theirs
                    boolean bookable =
                            ready.patients.contains(v.path("patientId").asString())
                                    && !date(v.path("earliest"), LocalDate.MIN).isAfter(today)
                                    && !date(v.path("latest"), LocalDate.MAX).isBefore(today);
                    if (bookable) {
                        ready.unscheduled
                                .computeIfAbsent(v.path("discipline").asString(), d -> new ArrayDeque<>())
                                .add(v.path("id").asString());
                    }
                }
                if (page + 1 >= answer.path("totalPages").asInt(0)) {
                    break;
                }
            }
            for (int page = 0; ; page++) {
                JsonNode answer = gateway.get(coordinator, THREADS + "?kind=CARE_TEAM&size=200&page=" + page)
                        .expect("threads of " + agency.alias())
                        .body();
                for (JsonNode t : answer.path("items")) {
                    ready.careTeamThread.put(
                            t.path("patientId").asString(), t.path("id").asString());
                }
                if (page + 1 >= answer.path("totalPages").asInt(0)) {
                    break;
                }
            }
            JsonNode slots = saved.path("slots");
            for (DayAgency.Clinician c : agency.clinicians()) {
                JsonNode s = slots.path(c.username());
                ready.slots.put(
                        c.username(),
                        s.isMissingNode()
                                ? Slots.none()
                                : new Slots(
                                        LocalDate.parse(s.path("day").asString()),
                                        s.path("used").asInt(),
                                        Instant.parse(s.path("free").asString())));
            }
            agencies.add(ready);
        }
    }

    private static LocalDate date(JsonNode value, LocalDate none) {
        return value.isString() ? LocalDate.parse(value.asString()) : none;
    }

    /** Bookable visits and care-team threads per agency, for the report. */
    String describePrepared() {
        int visits = 0;
        int threads = 0;
        for (Ready r : agencies) {
            visits += r.unscheduled.values().stream().mapToInt(Deque::size).sum();
            threads += r.careTeamThread.size();
        }
        return visits + " unscheduled visits bookable today, " + threads + " care-team threads";
    }

    /** Runs the schedule from {@code startNanos}; returns when every operation has answered. */
    void run(List<DayMix.Planned> schedule, long startNanos) throws InterruptedException {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (DayMix.Planned planned : schedule) {
                long due = startNanos + planned.atNanos();
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                Ready agency = agencies.get(planned.seq() % agencies.size());
                threads.submit(() -> perform(planned.op(), agency, due));
            }
        }
        saveSlots();
    }

    private void perform(Op op, Ready agency, long due) {
        try {
            Result result = switch (op) {
                case BOOKING -> book(agency);
                case CHECK_IN -> evv(agency, agency.booked, agency.checkedIn, "check-in");
                case CHECK_OUT -> evv(agency, agency.checkedIn, null, "check-out");
                case VITALS -> vitals(agency);
                case MESSAGE -> message(agency);
                case PLAN_SIGNING -> sign(agency);
                case ELIGIBILITY -> eligibility(agency);
            };
            if (result == null) {
                book.skipped(op);
            } else if (result.answer().ok()) {
                book.ok(op, due, System.nanoTime());
            } else {
                book.failed(op, result.answer().status(), result.answer().body().toString());
            }
        } catch (RuntimeException e) {
            book.failed(op, 0, e.toString());
        }
    }

    /** The last answer of an operation. */
    private record Result(Http.Answer answer) {}

    private Result book(Ready agency) {
        String visitId;
        DayAgency.Clinician clinician;
        Slots.Slot slot;
        synchronized (agency) {
            Optional<Object[]> pick = pickClinician(agency);
            if (pick.isEmpty()) {
                return null;
            }
            clinician = (DayAgency.Clinician) pick.get()[0];
            slot = (Slots.Slot) pick.get()[1];
            visitId = agency.unscheduled.get(clinician.visitCode()).poll();
            agency.slots.put(clinician.username(), slot.after());
        }
        String coordinator = tokens.of(agency.agency.coordinator());
        Http.Answer visit = gateway.get(coordinator, VISITS + "/" + visitId);
        if (!visit.ok()) {
            return new Result(visit);
        }
        Http.Answer booked = gateway.send(
                "PUT",
                VISITS + "/" + visitId + "/booking",
                coordinator,
                Map.of(
                        "clinicianId",
                                agency.saved
                                        .path("roster")
                                        .path(clinician.username())
                                        .asString(),
                        "start", slot.start().toString(),
                        "end", slot.end().toString()),
                Map.of("If-Match", visit.etag()));
        if (booked.ok()) {
            synchronized (agency) {
                agency.booked.add(new String[] {visitId, clinician.username()});
            }
        }
        return new Result(booked);
    }

    /** The next clinician in turn with a free slot and a visit of their discipline to book, and that slot. */
    private static Optional<Object[]> pickClinician(Ready agency) {
        List<DayAgency.Clinician> all = agency.agency.clinicians();
        Instant now = Instant.now();
        for (int tried = 0; tried < all.size(); tried++) {
            DayAgency.Clinician c = all.get(agency.nextClinician++ % all.size());
            Deque<String> visits = agency.unscheduled.get(c.visitCode());
            if (visits == null || visits.isEmpty()) {
                continue;
            }
            Optional<Slots.Slot> slot = agency.slots.get(c.username()).next(now, AGENCY_ZONE);
            if (slot.isPresent()) {
                return Optional.of(new Object[] {c, slot.get()});
            }
        }
        return Optional.empty();
    }

    /** A check-in (or check-out) at the patients' door by the visit's clinician; null when none is waiting. */
    private Result evv(Ready agency, Deque<String[]> from, Deque<String[]> to, String step) {
        String[] visit;
        synchronized (agency) {
            visit = from.poll();
        }
        if (visit == null) {
            return null;
        }
        Http.Answer answer = gateway.send(
                "POST",
                VISITS + "/" + visit[0] + "/" + step,
                tokens.of(visit[1]),
                Map.of("latitude", agency.agency.latitude(), "longitude", agency.agency.longitude()),
                null);
        if (answer.ok() && to != null) {
            synchronized (agency) {
                to.add(visit);
            }
        }
        return new Result(answer);
    }

    private Result vitals(Ready agency) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String patient = anyPatient(agency);
        DayAgency.Clinician clinician = agency.agency
                .clinicians()
                .get(random.nextInt(agency.agency.clinicians().size()));
        boolean pressure = random.nextBoolean();
        Map<String, Object> reading = Map.of(
                "id", UUID.randomUUID().toString(),
                "vital", pressure ? "SYSTOLIC_BP" : "HEART_RATE",
                "value", pressure ? 115 + random.nextInt(20) : 62 + random.nextInt(25),
                "unit", pressure ? "mm[Hg]" : "/min",
                "observedAt", Instant.now().toString());
        return new Result(gateway.send(
                "POST",
                PATIENTS + "/" + patient + "/observations",
                tokens.of(clinician.username()),
                Map.of("observations", List.of(reading)),
                null));
    }

    /** A message in a patient's care-team thread: mostly by a clinician, else by the coordinator or the physician. */
    private Result message(Ready agency) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String patient = anyPatient(agency);
        String thread = agency.careTeamThread.get(patient);
        if (thread == null) {
            return null;
        }
        int who = random.nextInt(10);
        String author = who < 7
                ? agency.agency
                        .clinicians()
                        .get(random.nextInt(agency.agency.clinicians().size()))
                        .username()
                : who < 9 ? agency.agency.coordinator() : agency.agency.physician();
        return new Result(gateway.send(
                "POST",
                THREADS + "/" + thread + "/messages",
                tokens.of(author),
                Map.of("body", "Visit notes: stable today, weight unchanged; next visit as planned."),
                null));
    }

    /** The coordinator drafts a revision of the plan and the lead physician signs it. */
    private Result sign(Ready agency) {
        String patient;
        synchronized (agency) {
            patient = agency.signing.get(agency.nextSigning++ % agency.signing.size());
        }
        String plan = PATIENTS + "/" + patient + "/care-plan";
        String coordinator = tokens.of(agency.agency.coordinator());
        Http.Answer current = gateway.get(coordinator, plan);
        if (!current.ok()) {
            return new Result(current);
        }
        Http.Answer drafted =
                gateway.send("PUT", plan + "/draft", coordinator, Fixtures.PLAN, Map.of("If-Match", current.etag()));
        if (!drafted.ok()) {
            return new Result(drafted);
        }
        String physician = tokens.of(agency.agency.physician());
        Http.Answer draft = gateway.get(physician, plan);
        if (!draft.ok()) {
            return new Result(draft);
        }
        return new Result(
                gateway.send("POST", plan + "/draft/signature", physician, null, Map.of("If-Match", draft.etag())));
    }

    private Result eligibility(Ready agency) {
        String patient = anyPatient(agency);
        return new Result(gateway.send(
                "POST",
                "/api/billing/v1/patients/" + patient + "/eligibility-checks",
                tokens.of(agency.agency.billing()),
                Map.of("coverageId", agency.coverage.get(patient)),
                null));
    }

    private static String anyPatient(Ready agency) {
        List<String> all = agency.patients.isEmpty() ? agency.signing : agency.patients;
        return all.get(ThreadLocalRandom.current().nextInt(all.size()));
    }

    /** Each clinician's used slots go to the state: a later run the same day books after them. */
    private void saveSlots() {
        for (Ready r : agencies) {
            synchronized (state.lock()) {
                ObjectNode slots =
                        r.saved.has("slots") ? (ObjectNode) r.saved.get("slots") : r.saved.putObject("slots");
                r.slots.forEach((user, s) -> {
                    if (!s.day().equals(LocalDate.MIN)) {
                        slots.putObject(user)
                                .put("day", s.day().toString())
                                .put("used", s.used())
                                .put("free", s.free().toString());
                    }
                });
            }
        }
        state.changed();
    }

    /** How many visits each agency still has booked or checked in but not finished (left for the next run). */
    int openVisits() {
        int open = 0;
        for (Ready r : agencies) {
            open += r.booked.size() + r.checkedIn.size();
        }
        return open;
    }
}
