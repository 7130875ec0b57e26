/**
 * One way to store an aggregate: a tenant-scoped, versioned document that carries its outbox, written in one
 * single-document write with the events it caused, read back with its version (the ETag) or as a 404; and one way to
 * run a job over every agency's documents. Repositories keep only their own queries.
 */
package org.hearth.platform.aggregate;
