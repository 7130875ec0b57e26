/** Correlation ids and W3C trace context from the caller through the gateway to the services. */
package org.hearth.gateway.correlation;
