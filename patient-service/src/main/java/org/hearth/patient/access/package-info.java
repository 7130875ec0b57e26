/**
 * Who may see and do what with one patient, beyond the realm roles: relationships (ARCHITECTURE §4).
 * Another agency's patient answers 404; a patient of the same agency without the relationship answers 403.
 */
package org.hearth.patient.access;
