package org.hearth.patient.alerts;

public enum AlertStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED
}
