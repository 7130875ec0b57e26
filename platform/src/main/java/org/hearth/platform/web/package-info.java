/** HTTP plumbing shared by every service: the correlation filter, request size caps, paging, error pages. */
package org.hearth.platform.web;
