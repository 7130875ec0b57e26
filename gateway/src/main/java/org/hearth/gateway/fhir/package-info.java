/**
 * FHIR R4 at the edge: which service owns which resource type, the CapabilityStatement merged from the services'
 * own statements, the SMART configuration for partner systems, and the Bulk Data {@code $export} that the gateway
 * runs by reading the services with the caller's token.
 */
package org.hearth.gateway.fhir;
