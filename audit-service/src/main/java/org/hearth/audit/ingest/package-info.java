/** hearth.audit in: each PatientDataAccessed or AccessRefused becomes one FHIR AuditEvent-shaped link of its agency's chain. */
package org.hearth.audit.ingest;
