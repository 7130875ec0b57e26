/** Scheduling's local view of patients, built from patient-service events (never from its database or API). */
package org.hearth.scheduling.patients;
