/** Invariants an operator can check on any running stack ({@code ./hearth check}): no clinical signal lost. */
package org.hearth.infra.check;
