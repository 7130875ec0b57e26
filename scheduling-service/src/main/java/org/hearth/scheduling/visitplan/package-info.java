/**
 * Visit requirements expanded from the signed plan of care (CarePlanSigned): how many visits of which
 * discipline are due in which week. A revised plan replaces the requirements of future weeks only; weeks that
 * have begun keep what was ordered when they began.
 */
package org.hearth.scheduling.visitplan;
