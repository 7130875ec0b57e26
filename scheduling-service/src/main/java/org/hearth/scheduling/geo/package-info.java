/**
 * Places and travel: great-circle distance, the pluggable travel-time estimator used between consecutive
 * visits, and the EVV location check against the patient's home.
 */
package org.hearth.scheduling.geo;
