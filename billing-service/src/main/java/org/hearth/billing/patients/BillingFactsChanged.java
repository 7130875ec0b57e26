package org.hearth.billing.patients;

/**
 * Published in the service (a Spring application event, not Kafka) after a clerk's write changed a fact that a held
 * billable line may wait for: the patient's coverage, or an authorization's approval. The billing trail then
 * evaluates that patient's held lines again; it runs in the writer's thread, with the writer's agency.
 */
public record BillingFactsChanged(String patientId, String what) {}
