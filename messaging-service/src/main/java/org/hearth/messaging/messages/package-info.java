/**
 * Messages: encrypted text, read receipts, edits and deletions by the author within a window (the history kept,
 * encrypted, and audited), urgent messages that must be acknowledged and escalate when they are not.
 */
package org.hearth.messaging.messages;
