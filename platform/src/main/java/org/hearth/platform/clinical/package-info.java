/** Clinical identifiers and codes every service checks the same way (e.g. the NPI's check digit). */
package org.hearth.platform.clinical;
