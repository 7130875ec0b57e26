/** One auto-configuration gives every service its security, problems, tenancy, observability and event plumbing. */
package org.hearth.platform.autoconfigure;
