/** Encryption at rest: AES-256-GCM with a data key per agency, derived from the master key the deployment supplies. */
package org.hearth.messaging.crypto;
