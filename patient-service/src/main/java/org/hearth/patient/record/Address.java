package org.hearth.patient.record;

/** Where visits happen; coordinates let scheduling plan routes. */
public record Address(
        String line1, String line2, String city, String state, String postalCode, Double latitude, Double longitude) {}
