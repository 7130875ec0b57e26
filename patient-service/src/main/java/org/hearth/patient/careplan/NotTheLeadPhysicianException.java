package org.hearth.patient.careplan;

/** Only the care team's lead physician signs the plan of care. */
public final class NotTheLeadPhysicianException extends RuntimeException {
    NotTheLeadPhysicianException(String message) {
        super(message);
    }
}
