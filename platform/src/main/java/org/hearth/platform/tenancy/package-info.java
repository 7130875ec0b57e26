/** Agencies as tenants: who the caller's agency is, and the one way every MongoDB read and write is scoped to it. */
package org.hearth.platform.tenancy;
