/** HTTP plumbing shared by every service: correlation ids, trace context, request size caps, paging. */
package org.hearth.platform.web;
