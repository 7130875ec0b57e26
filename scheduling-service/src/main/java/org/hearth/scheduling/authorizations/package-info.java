/** Scheduling's view of prior authorizations, built from billing-service events: what may be booked and how much. */
package org.hearth.scheduling.authorizations;
