package org.hearth.patient.careplan;

import java.util.Arrays;
import java.util.Optional;

/** The disciplines a home health frequency order names, by the codes clinicians write. */
public enum Discipline {
    SN("skilled nursing"),
    PT("physical therapy"),
    OT("occupational therapy"),
    ST("speech-language pathology"),
    MSW("medical social work"),
    HHA("home health aide"),
    RD("dietitian");

    private final String description;

    Discipline(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    static Optional<Discipline> ofCode(String code) {
        return Arrays.stream(values())
                .filter(d -> d.name().equalsIgnoreCase(code))
                .findFirst();
    }
}
