package org.hearth.infra.demo;

/**
 * A demo user as the realm defines them ({@code infra/keycloak/hearth-realm.json}) and what they do for patients.
 *
 * @param careTeamRole patient-service's care-team role, or null for people who are on no care team
 * @param discipline   scheduling-service's clinician discipline, or null for people who do not visit
 */
record Person(String username, String name, String careTeamRole, String discipline) {

    static Person staff(String username, String name) {
        return new Person(username, name, null, null);
    }

    static Person clinician(String username, String name, String careTeamRole, String discipline) {
        return new Person(username, name, careTeamRole, discipline);
    }

    boolean visits() {
        return discipline != null;
    }
}
