/** The MongoDB client's time-outs and how an unreachable store reaches callers: fast, as 503 with Retry-After. */
package org.hearth.platform.store;
