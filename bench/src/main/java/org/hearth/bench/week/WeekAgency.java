package org.hearth.bench.week;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A generated home-health agency's week (Monday to Friday), the same for the same seed and size: patients at
 * street addresses in a city-sized area (about 24 × 20 km around Springfield, Illinois), weekly orders such as
 * {@code SN 2W4, PT 3W2, OT 1W3, HHA 5W2} (this week's share: 2 SN, 3 PT, 1 OT, 5 HHA visits), some patients with
 * a window, a language other than English or a preferred clinician; clinicians of each discipline with working
 * hours (long days have a lunch break), a daily maximum, skills and languages; and a few visits a coordinator has
 * already booked by hand at a fixed time (pinned). Times are minutes from Monday 00:00.
 */
public record WeekAgency(long seed, List<Patient> patients, List<Clinician> clinicians, List<Visit> visits) {

    public static final int DAYS = 5;
    public static final int GRID = 5;
    /** A lunch break of 30 minutes between 11:00 and 14:00 on days longer than 6 hours. */
    public static final int BREAK_MINUTES = 30;

    public static final int BREAK_FROM = 11 * 60;
    public static final int BREAK_TO = 14 * 60;
    public static final int LONG_DAY = 6 * 60;
    /** The agency's default window for a patient who stated none. */
    public static final int DEFAULT_OPEN = 8 * 60;

    public static final int DEFAULT_CLOSE = 18 * 60;

    /** @param window null: the agency's default; else [open, close] minutes of the day, every weekday */
    public record Patient(
            int id,
            String address,
            double latitude,
            double longitude,
            String language,
            int[] window,
            int preferredClinician) {}

    /** @param hours per weekday 0..4 the [start, end] minutes of the day, or null when off */
    public record Clinician(
            int id,
            String name,
            String discipline,
            double latitude,
            double longitude,
            int[][] hours,
            int maxVisitsPerDay,
            Set<String> skills,
            Set<String> languages) {

        public boolean longDay(int day) {
            return hours[day] != null && hours[day][1] - hours[day][0] > LONG_DAY;
        }
    }

    /**
     * One visit of a weekly order.
     *
     * @param order       the patient's order of this discipline (its visits spread over the week)
     * @param seenBy      the clinician who saw the patient for this discipline before (-1: nobody)
     * @param bookedWith  the clinician of a hand booking (-1: none), at day {@code bookedDay}, minute {@code bookedAt}
     */
    public record Visit(
            int id,
            int patient,
            String discipline,
            int minutes,
            String skill,
            int order,
            int seenBy,
            int bookedWith,
            int bookedDay,
            int bookedAt) {

        public boolean booked() {
            return bookedWith >= 0;
        }
    }

    /** Weekly frequencies, visit minutes, clinician discipline and share of patients per order type. */
    record OrderType(
            String discipline, int perWeek, int weeks, int minutes, String clinicianDiscipline, double share) {}

    static final List<OrderType> ORDERS = List.of(
            new OrderType("SN", 2, 4, 45, "RN", 0.85),
            new OrderType("PT", 3, 2, 60, "PT", 0.45),
            new OrderType("OT", 1, 3, 60, "OT", 0.25),
            new OrderType("HHA", 5, 2, 60, "AIDE", 0.30));

    static final String[] STREETS = {
        "N Grand Ave",
        "S MacArthur Blvd",
        "W Jefferson St",
        "E Cook St",
        "S 6th St",
        "N 9th St",
        "W Washington St",
        "S Spring St",
        "Wabash Ave",
        "S Dirksen Pkwy",
        "W Monroe St",
        "N Walnut St",
        "Stevenson Dr",
        "W Iles Ave",
        "Chatham Rd",
        "S Koke Mill Rd",
        "E Sangamon Ave",
        "Peoria Rd",
        "S Park Ave",
        "W Lawrence Ave",
        "N Rutledge St",
        "Clear Lake Ave",
        "S State St",
        "W Old State Capitol Plaza"
    };
    static final String[] FIRST = {
        "Ana", "Ben", "Carla", "Dev", "Elena", "Femi", "Grace", "Hugo", "Ines", "Jon", "Kim", "Luis", "Mara", "Nina",
        "Omar", "Pete", "Quinn", "Rosa", "Sam", "Tara", "Uma", "Vic", "Wen", "Yara"
    };

    /** The centre of the area and its half-size in degrees (about 12 km east-west, 10 km north-south). */
    static final double LAT = 39.78;

    static final double LON = -89.65;
    static final double HALF_LAT = 0.09;
    static final double HALF_LON = 0.14;

    public static WeekAgency generate(int patientCount, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + patientCount);
        List<Patient> patients = new ArrayList<>();
        Set<String> addresses = new HashSet<>();
        for (int p = 0; p < patientCount; p++) {
            String address;
            double lat;
            double lon;
            do { // a house on one of the city's streets; denser towards the centre, as homes are
                double u = (random.nextDouble() + random.nextDouble()) - 1;
                double v = (random.nextDouble() + random.nextDouble()) - 1;
                lat = LAT + u * HALF_LAT;
                lon = LON + v * HALF_LON;
                address = (100 + random.nextInt(39) * 100 + random.nextInt(50) * 2) + " "
                        + STREETS[random.nextInt(STREETS.length)] + ", Springfield, IL";
            } while (!addresses.add(address));
            double l = random.nextDouble();
            String language = l < 0.80 ? "en" : l < 0.95 ? "es" : "vi";
            int[] window = null;
            double w = random.nextDouble();
            if (w < 0.15) {
                window = new int[] {9 * 60, 12 * 60};
            } else if (w < 0.25) {
                window = new int[] {13 * 60, 17 * 60};
            } else if (w < 0.30) {
                window = new int[] {10 * 60, 15 * 60};
            }
            patients.add(new Patient(p, address, lat, lon, language, window, -1));
        }
        // orders first, so that the clinicians can be sized to the demand
        record Order(int patient, OrderType type, String skill) {}
        List<Order> orders = new ArrayList<>();
        for (Patient p : patients) {
            int before = orders.size();
            for (OrderType type : ORDERS) {
                if (random.nextDouble() < type.share()) {
                    String skill = type.discipline().equals("SN") && random.nextDouble() < 0.2 ? "wound-care" : null;
                    orders.add(new Order(p.id(), type, skill));
                }
            }
            if (orders.size() == before) {
                orders.add(new Order(p.id(), ORDERS.get(0), null));
            }
        }
        List<Clinician> clinicians = new ArrayList<>();
        for (OrderType type : ORDERS) {
            double visitMinutes = orders.stream()
                    .filter(o -> o.type() == type)
                    .mapToDouble(o -> o.type().perWeek() * (o.type().minutes() + 25.0))
                    .sum();
            // a clinician gives about 5 days × 6 hours of visits and travel; a fifth spare so that the week can be
            // planned
            int needed = Math.max(1, (int) Math.ceil(visitMinutes * 1.35 / (DAYS * 6 * 60)));
            for (int i = 0; i < needed; i++) {
                int id = clinicians.size();
                double u = (random.nextDouble() + random.nextDouble()) - 1;
                double v = (random.nextDouble() + random.nextDouble()) - 1;
                int[][] hours = new int[DAYS][];
                double shape = random.nextDouble();
                for (int d = 0; d < DAYS; d++) {
                    if (shape < 0.6) {
                        hours[d] = new int[] {8 * 60, 17 * 60};
                    } else if (shape < 0.8) {
                        hours[d] = new int[] {7 * 60, 15 * 60 + 30};
                    } else if (shape < 0.9) {
                        hours[d] = d == 4 ? null : new int[] {9 * 60, 18 * 60}; // four long days
                    } else {
                        hours[d] = new int[] {8 * 60, 13 * 60}; // part-time mornings: no break
                    }
                }
                Set<String> skills =
                        type.discipline().equals("SN") && (i % 2 == 0 || needed == 1) ? Set.of("wound-care") : Set.of();
                double l = random.nextDouble();
                Set<String> languages = l < 0.25 ? Set.of("en", "es") : l < 0.32 ? Set.of("en", "vi") : Set.of("en");
                int max = type.clinicianDiscipline().equals("AIDE") ? 6 : 7;
                clinicians.add(new Clinician(
                        id,
                        FIRST[id % FIRST.length] + " " + type.clinicianDiscipline() + " " + id,
                        type.clinicianDiscipline(),
                        LAT + u * HALF_LAT,
                        LON + v * HALF_LON,
                        hours,
                        max,
                        skills,
                        languages));
            }
        }
        // patients' history and preferences: a usual clinician per discipline for some, a preferred one for a few
        List<Visit> visits = new ArrayList<>();
        Set<String> bookedSlots = new HashSet<>();
        for (int o = 0; o < orders.size(); o++) {
            Order order = orders.get(o);
            OrderType type = order.type();
            List<Clinician> able = clinicians.stream()
                    .filter(c -> c.discipline().equals(type.clinicianDiscipline())
                            && (order.skill() == null || c.skills().contains(order.skill())))
                    .toList();
            int seenBy = random.nextDouble() < 0.5
                    ? able.get(random.nextInt(able.size())).id()
                    : -1;
            for (int k = 0; k < type.perWeek(); k++) {
                int bookedWith = -1;
                int bookedDay = -1;
                int bookedAt = -1;
                if (k == 0 && random.nextDouble() < 0.08) { // booked by hand: the first visit, at a round time
                    Clinician c = able.get(random.nextInt(able.size()));
                    int day = random.nextInt(DAYS);
                    int[] slot = {9 * 60 + 30, 15 * 60};
                    int at = slot[random.nextInt(slot.length)];
                    Patient p = patients.get(order.patient());
                    double drive = minutes(c.latitude(), c.longitude(), p.latitude(), p.longitude());
                    boolean fits = c.hours()[day] != null
                            && at >= c.hours()[day][0] + drive + 10 // reachable
                            && at + type.minutes() + drive + 10 <= c.hours()[day][1]
                            && at >= (p.window() == null ? DEFAULT_OPEN : p.window()[0])
                            && at + type.minutes() <= (p.window() == null ? DEFAULT_CLOSE : p.window()[1]);
                    if (fits
                            && bookedSlots.add(c.id() + "/" + day + "/" + at)
                            && bookedSlots.add("patient " + p.id() + "/" + day + "/" + at)) {
                        bookedWith = c.id();
                        bookedDay = day;
                        bookedAt = at;
                    }
                }
                visits.add(new Visit(
                        visits.size(),
                        order.patient(),
                        type.discipline(),
                        type.minutes(),
                        order.skill(),
                        o,
                        seenBy,
                        bookedWith,
                        bookedDay,
                        bookedAt));
            }
        }
        for (int p = 0; p < patients.size(); p++) {
            if (random.nextDouble() < 0.1) {
                int patient = p;
                List<Visit> own =
                        visits.stream().filter(v -> v.patient() == patient).toList();
                Visit v = own.get(random.nextInt(own.size()));
                String discipline = ORDERS.stream()
                        .filter(t -> t.discipline().equals(v.discipline()))
                        .findFirst()
                        .orElseThrow()
                        .clinicianDiscipline();
                List<Clinician> able = clinicians.stream()
                        .filter(c -> c.discipline().equals(discipline)
                                && (v.skill() == null || c.skills().contains(v.skill())))
                        .toList();
                Patient old = patients.get(p);
                patients.set(
                        p,
                        new Patient(
                                p,
                                old.address(),
                                old.latitude(),
                                old.longitude(),
                                old.language(),
                                old.window(),
                                able.get(random.nextInt(able.size())).id()));
            }
        }
        return new WeekAgency(seed, List.copyOf(patients), List.copyOf(clinicians), List.copyOf(visits));
    }

    /** The clinician discipline that does a visit's discipline (SN: RN, HHA: AIDE). */
    public static String clinicianDiscipline(String visitDiscipline) {
        return ORDERS.stream()
                .filter(t -> t.discipline().equals(visitDiscipline))
                .findFirst()
                .orElseThrow()
                .clinicianDiscipline();
    }

    /** Whether clinician {@code c} may do visit {@code v}: discipline and skill. */
    public static boolean qualified(Clinician c, Visit v) {
        return c.discipline().equals(clinicianDiscipline(v.discipline()))
                && (v.skill() == null || c.skills().contains(v.skill()));
    }

    /** Drive minutes between two points: straight line × 1.3 at 40 km/h, plus 5 minutes door to door. */
    public static double minutes(double lat1, double lon1, double lat2, double lon2) {
        double dy = (lat2 - lat1) * 111.2;
        double dx = (lon2 - lon1) * 111.2 * Math.cos(Math.toRadians((lat1 + lat2) / 2));
        return Math.hypot(dx, dy) * 1.3 / 40 * 60 + 5;
    }

    /**
     * Drive minutes between two places numbered as the model numbers them: a patient's home by the patient's id,
     * a clinician's base by {@code patients} + the clinician's id.
     */
    public double minutes(int from, int to, int patientCount) {
        if (from == to) {
            return 0;
        }
        double[] a = place(from, patientCount);
        double[] b = place(to, patientCount);
        return minutes(a[0], a[1], b[0], b[1]);
    }

    private double[] place(int index, int patientCount) {
        if (index < patientCount) {
            Patient p = patients.get(index);
            return new double[] {p.latitude(), p.longitude()};
        }
        Clinician c = clinicians.get(index - patientCount);
        return new double[] {c.latitude(), c.longitude()};
    }

    /** The visit's window on any day, [open, close] minutes of the day: the patient's or the agency's default. */
    public int[] window(Visit v) {
        int[] w = patients.get(v.patient()).window();
        return w != null ? w : new int[] {DEFAULT_OPEN, DEFAULT_CLOSE};
    }
}
