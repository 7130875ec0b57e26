/** RFC 9457 problem details for every error a client can meet: stable types, field errors, correlation id, no stack traces. */
package org.hearth.platform.problem;
