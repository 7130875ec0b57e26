package org.hearth.bench.day;

import java.util.ArrayList;
import java.util.List;

/**
 * One of the day's agencies as the population makes it: its alias (the Keycloak organization), its office people
 * and visiting clinicians, and how many patients it serves. The totals are shared out evenly, the first agencies
 * taking the remainders; a clinician mix of half nurses, a third physical and the rest occupational therapists
 * follows the plan of care every patient gets ({@code SN 3W1, 2W4, 2 PRN, PT 2W4, OT 1W2}).
 */
record DayAgency(int number, String alias, List<Clinician> clinicians, int patients) {

    /** A visiting clinician: the staff role Hearth provisions, the roster discipline, the care-team role. */
    record Clinician(String username, String staffRole, String discipline, String careTeamRole, String visitCode) {}

    String name() {
        return "Day Agency " + number;
    }

    String admin() {
        return alias + ".admin";
    }

    String coordinator() {
        return alias + ".coordinator";
    }

    String physician() {
        return alias + ".physician";
    }

    String billing() {
        return alias + ".billing";
    }

    /** Where the agency's patients live, all at one address so that no booking waits for travel between them. */
    double latitude() {
        return 39.0 + (number % 10) * 0.2;
    }

    double longitude() {
        return -90.0 + (number / 10) * 0.2;
    }

    static List<DayAgency> plan(int agencies, int patients, int clinicians) {
        if (agencies < 1 || clinicians < 3 * agencies || patients < agencies) {
            throw new IllegalArgumentException(
                    "each agency needs at least one patient and three clinicians (a nurse, a PT and an OT)");
        }
        List<DayAgency> all = new ArrayList<>();
        for (int a = 0; a < agencies; a++) {
            String alias = String.format("day-%02d", a + 1);
            int mine = share(clinicians, agencies, a);
            int pts = Math.max(1, mine / 3);
            int ots = Math.max(1, mine / 6);
            int nurses = mine - pts - ots;
            List<Clinician> people = new ArrayList<>();
            for (int i = 1; i <= nurses; i++) {
                people.add(new Clinician(alias + ".rn" + i, "nurse", "RN", "NURSE", "SN"));
            }
            for (int i = 1; i <= pts; i++) {
                people.add(new Clinician(alias + ".pt" + i, "therapist", "PT", "PHYSICAL_THERAPIST", "PT"));
            }
            for (int i = 1; i <= ots; i++) {
                people.add(new Clinician(alias + ".ot" + i, "therapist", "OT", "OCCUPATIONAL_THERAPIST", "OT"));
            }
            all.add(new DayAgency(a + 1, alias, List.copyOf(people), share(patients, agencies, a)));
        }
        return all;
    }

    /** The {@code index}-th of {@code parts} shares of {@code total}, remainders to the first. */
    static int share(int total, int parts, int index) {
        return total / parts + (index < total % parts ? 1 : 0);
    }
}
