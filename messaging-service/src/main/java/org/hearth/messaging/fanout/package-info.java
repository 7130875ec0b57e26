/** What the replicas of messaging tell each other live (deliveries, presence): one Kafka topic, read by every instance. */
package org.hearth.messaging.fanout;
