/** Health checks that work against both a real MongoDB replica set and the local MongoDB wire server. */
package org.hearth.platform.health;
