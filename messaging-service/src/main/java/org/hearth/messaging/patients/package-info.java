/** Messaging's view of each patient's care team and care circle, built from patient-service events. */
package org.hearth.messaging.patients;
