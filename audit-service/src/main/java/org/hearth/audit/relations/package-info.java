/**
 * Who is on each patient's care team and care circle, projected from patient-service's CareTeamChanged and
 * CareCircleChanged events: the audit store judges "unusual access" (reads outside one's care teams) and the family's
 * ACCESS_LOG consent from it, without asking patient-service at query time and without every producer having to know
 * care relationships.
 */
package org.hearth.audit.relations;
