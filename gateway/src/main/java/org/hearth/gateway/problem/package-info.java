/** RFC 9457 problem details for everything the gateway itself answers: 401/403/413/404 and upstream failures. */
package org.hearth.gateway.problem;
