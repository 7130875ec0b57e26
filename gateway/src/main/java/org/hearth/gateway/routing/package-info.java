/** Which path goes to which service; paths are forwarded unchanged. */
package org.hearth.gateway.routing;
