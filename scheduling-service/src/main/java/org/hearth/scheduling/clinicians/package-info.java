/** The agency's clinicians: discipline, skills, certifications with expiry, home base, hours, limits, time off. */
package org.hearth.scheduling.clinicians;
