/**
 * Threads: one care-team and one family thread per patient (created on admission; the care team's members follow
 * patient-service's care team, the family thread's follow the care circle's MESSAGES consent and the staff who
 * join), direct staff-to-staff threads, and huddles with agenda, attendees and recorded decisions.
 */
package org.hearth.messaging.threads;
