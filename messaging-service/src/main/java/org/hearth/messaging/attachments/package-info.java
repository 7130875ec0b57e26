/**
 * Attachments such as a wound photo: type detected from the bytes (JPEG, PNG, HEIC, PDF only), location and other
 * metadata removed from images, encrypted, stored in GridFS, read back only by the thread's participants.
 */
package org.hearth.messaging.attachments;
