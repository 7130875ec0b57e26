/**
 * Visits: generated from the plan of care, booked by coordinators under hard rules, checked in and out with
 * electronic visit verification, watched for misses. Domain rules are plain Java ({@link
 * org.hearth.scheduling.visits.Visit}, {@link org.hearth.scheduling.visits.BookingRules}, {@link
 * org.hearth.scheduling.visits.VisitReconciliation}).
 */
package org.hearth.scheduling.visits;
