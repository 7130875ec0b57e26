/**
 * Notices from other services' events: an alert raised, a visit missed, an authorization running low. Each becomes a
 * system message in the patient's care-team thread and deliveries to the people it concerns.
 */
package org.hearth.messaging.notices;
