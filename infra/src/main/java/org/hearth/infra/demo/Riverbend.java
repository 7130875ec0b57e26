package org.hearth.infra.demo;

import java.util.List;
import java.util.Map;

/**
 * Riverbend Home Care, the second agency: its own staff and a patient of its own, admitted directly by its
 * coordinator. It exists so that every demo can show that one agency never sees the other's data.
 */
final class Riverbend {

    static final String AGENCY = "Riverbend Home Care";
    static final String COORDINATOR = "rita.coordinator";
    static final String PHYSICIAN = "dr.rivera";

    static final List<Person> STAFF = List.of(
            Person.clinician(COORDINATOR, "Rita Coordinator", "COORDINATOR", null),
            Person.clinician(PHYSICIAN, "Dr. Luis Rivera", "PHYSICIAN", null),
            Person.clinician("ron.nurse", "Ron Nurse", "NURSE", "RN"));

    static final Admission.Prospect HAROLD = new Admission.Prospect(
            "Harold",
            "Brooks",
            "1941-07-02",
            Map.of(
                    "givenName",
                    "Harold",
                    "familyName",
                    "Brooks",
                    "birthDate",
                    "1941-07-02",
                    "phone",
                    "+1 309 555 0177",
                    "language",
                    "en",
                    "address",
                    Map.of(
                            "line1",
                            "48 River Road",
                            "city",
                            "Peoria",
                            "state",
                            "IL",
                            "postalCode",
                            "61602",
                            "latitude",
                            40.6936,
                            "longitude",
                            -89.5890)));

    private final HearthApi api;
    private final Tokens tokens;
    private final Ledger ledger;

    Riverbend(HearthApi api, Tokens tokens, Ledger ledger) {
        this.api = api;
        this.tokens = tokens;
        this.ledger = ledger;
    }

    /** Loads the agency and answers Harold's patient id. */
    String load() {
        ledger.agency(AGENCY);
        String rita = tokens.of(COORDINATOR);
        new Roster(api, tokens, ledger).ensure(COORDINATOR, STAFF, 40.6936, -89.5890);
        String harold = new Admission(api, ledger).direct(rita, HAROLD);
        new CareRecord(api, ledger, harold)
                .careTeam(
                        rita,
                        STAFF.stream()
                                .map(person -> Map.<String, Object>of(
                                        "subject",
                                        tokens.subjectOf(person.username()),
                                        "role",
                                        person.careTeamRole(),
                                        "displayName",
                                        person.name(),
                                        "lead",
                                        PHYSICIAN.equals(person.username())))
                                .toList());
        return harold;
    }
}
