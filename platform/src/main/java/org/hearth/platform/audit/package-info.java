/**
 * The audit trail of patient data (HIPAA §164.312(b)): every request that names a patient leaves a record of
 * who (subject, roles, client), which patient, what (method and route), the outcome and the correlation id.
 * Records are stored with an outbox entry in the same single-document write, published on hearth.audit and
 * then deleted, so an audit record cannot be lost between the database and Kafka.
 */
package org.hearth.platform.audit;
