package org.hearth.patient.fhir;

/** The role rules of the FHIR endpoints: the REST endpoints' roles, plus partner clients (scopes in FhirAccess). */
final class FhirRoles {

    static final String STAFF =
            "'agency-admin','coordinator','physician','nurse','therapist','aide','social-worker'," + "'case-manager'";
    /** Patient: every relationship reads the record, as in REST (billing and family too). */
    static final String RECORD = "hasAnyRole(" + STAFF + ",'billing','family','partner')";
    /** Conditions and allergies: the clinical part of the record, which family do not see. */
    static final String PROFILE = "hasAnyRole(" + STAFF + ",'billing','partner')";
    /** Care plan, care team, care circle: the care team's reading. */
    static final String CLINICAL = "hasAnyRole(" + STAFF + ",'partner')";
    /** Vitals: as the REST list, family with the VITALS consent. */
    static final String VITALS = "hasAnyRole('agency-admin','coordinator','physician','nurse','therapist','aide',"
            + "'case-manager','family','partner')";
    /** Recording a reading: as the REST batch; partners with hearth.observations or system/Observation.write. */
    static final String RECORD_VITALS = "hasAnyRole('agency-admin','coordinator','physician','nurse','therapist',"
            + "'aide','family') or (hasRole('partner') and (hasAuthority('SCOPE_hearth.observations') "
            + "or hasAuthority('SCOPE_system/Observation.write') or hasAuthority('SCOPE_system/*.write')))";
    /** Alerts: as the REST alert queue. */
    static final String ALERTS = "hasAnyRole('agency-admin','coordinator','physician','nurse','partner')";
    /** Referrals: intake staff; partners see those their organisation sent. */
    static final String REFERRALS = "hasAnyRole('agency-admin','coordinator') or (hasRole('partner') and "
            + "(hasAuthority('SCOPE_hearth.referrals') or hasAuthority('SCOPE_system/ServiceRequest.read') "
            + "or hasAuthority('SCOPE_system/*.read')))";

    static final String REFER = "hasAnyRole('agency-admin','coordinator','physician') or (hasRole('partner') and "
            + "(hasAuthority('SCOPE_hearth.referrals') or hasAuthority('SCOPE_system/ServiceRequest.write') "
            + "or hasAuthority('SCOPE_system/*.write')))";
    /** $everything: staff, and family (only the point of contact, checked in the controller). */
    static final String EVERYTHING = "hasAnyRole(" + STAFF + ",'billing','family')";

    private FhirRoles() {}
}
