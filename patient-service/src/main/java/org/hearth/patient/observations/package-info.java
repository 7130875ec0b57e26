/**
 * Vital signs from clinicians, family caregivers and remote-monitoring partners: units checked and converted to
 * one canonical unit per vital, physiologically impossible values refused, batches accepted idempotently by
 * the client's observation ids. Each stored observation publishes ObservationRecorded for the alert rules.
 */
package org.hearth.patient.observations;
