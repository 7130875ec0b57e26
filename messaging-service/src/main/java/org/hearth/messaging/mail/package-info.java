/**
 * People and presence, and the email that tells someone away from Hearth that something waits for them. The email
 * holds a generic subject and a link only: no names, no message text, nothing about a patient.
 */
package org.hearth.messaging.mail;
