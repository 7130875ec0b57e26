/**
 * The family's side of "who viewed my record": a question about one access, from the patient's point of contact
 * (with the ACCESS_LOG consent) to the agency's privacy officers, who find it in their review page.
 */
package org.hearth.patient.privacy;
