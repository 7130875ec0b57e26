package org.hearth.billing.patients;

import java.time.LocalDate;

/** A patient's insurance with one payer; {@code to} null means open-ended. */
public record Coverage(
        String id, String payerId, String memberId, String plan, Priority priority, LocalDate from, LocalDate to) {

    public enum Priority {
        PRIMARY,
        SECONDARY
    }

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }
}
