/** Traces across HTTP, Kafka and MongoDB (Micrometer Tracing, OpenTelemetry bridge) and the platform's business metrics. */
package org.hearth.platform.observability;
