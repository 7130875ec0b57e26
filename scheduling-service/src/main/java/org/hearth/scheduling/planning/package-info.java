/**
 * The optimizer in Hearth: maps the agency's visits and clinicians onto the planner (module {@code planner}), runs
 * planning jobs in the background with progress, explains each assignment, and applies a plan through the same
 * booking rules a coordinator's booking passes.
 */
package org.hearth.scheduling.planning;
