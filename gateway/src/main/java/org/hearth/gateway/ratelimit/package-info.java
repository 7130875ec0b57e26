/** Per-caller and per-agency token buckets in front of every route (429 with Retry-After). */
package org.hearth.gateway.ratelimit;
