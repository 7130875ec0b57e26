/** The patient record: the patient, its status and its store; its endpoints are in {@code admission}. */
package org.hearth.patient.record;
