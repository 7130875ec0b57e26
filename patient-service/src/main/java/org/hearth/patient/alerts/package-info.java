/**
 * Remote-monitoring alerts: threshold and trend rules evaluated on every recorded reading (through
 * hearth.patient.observations, so a crash between reading and alert loses nothing), one owner per alert (the
 * lead physician, else the agency's coordinators), acknowledgement, resolution and time-based escalation.
 */
package org.hearth.patient.alerts;
