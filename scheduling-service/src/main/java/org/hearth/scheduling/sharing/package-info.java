/**
 * The visits part of a record another agency shares with the caller's agency under the patient's consent: grants
 * projected from patient-service's SharingGranted / SharingRevoked, checked on every read, the owner's visits read
 * inside the owner's tenant, each read audited in both agencies. Tenancy stays the rule; the grant is the exception.
 */
package org.hearth.scheduling.sharing;
