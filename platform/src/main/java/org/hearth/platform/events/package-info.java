/** Events on Kafka: CloudEvents binary-mode envelope, the single-document outbox and its relay, idempotent consumers, dead letters. */
package org.hearth.platform.events;
