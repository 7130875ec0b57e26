package org.hearth.platform.test.story;

import java.util.UUID;

/**
 * The agencies of the demo story. Each call is a new agency (a fresh organization id), so that tests sharing one
 * service and one database never see each other's data.
 */
public final class Agencies {

    private Agencies() {}

    /** Sunrise Home Health, where Jane is cared for. */
    public static Agency sunrise() {
        return new Agency("sunrise", UUID.randomUUID().toString());
    }

    /** Riverbend, the other agency: what it holds must stay invisible to Sunrise. */
    public static Agency riverbend() {
        return new Agency("riverbend", UUID.randomUUID().toString());
    }

    /** An agency as a token names it: the organization's alias and its id (the tenant). */
    public record Agency(String alias, String id) {}
}
