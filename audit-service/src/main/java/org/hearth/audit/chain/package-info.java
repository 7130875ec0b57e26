/**
 * The per-agency hash chain: records appended with a sequence number and the SHA-256 of the previous record over
 * canonical JSON, signed checkpoints, verification that names the first broken link, and the retention sweep. Plain
 * Java over the MongoDB driver, so that {@code ./hearth audit-verify} runs the same code without Spring.
 */
package org.hearth.audit.chain;
