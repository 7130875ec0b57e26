/**
 * The correlation id and trace context of the current unit of work; a leaf that HTTP filters, the event edge, the
 * outbox, audit and problem details all read without depending on each other.
 */
package org.hearth.platform.correlation;
