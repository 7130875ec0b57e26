package org.hearth.patient.alerts;

public enum Severity {
    WARNING,
    HIGH,
    CRITICAL
}
