/**
 * Live delivery: each person's deliveries get a per-person sequence number; the stream sends them as server-sent
 * events with that number as the event id, and a client reconnecting with {@code Last-Event-ID} gets what it missed.
 */
package org.hearth.messaging.live;
