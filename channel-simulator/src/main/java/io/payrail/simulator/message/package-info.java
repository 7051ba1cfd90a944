/**
 * The message gateway: the platform "sends" e-mails and text messages (payers' one-time codes)
 * by posting them here, signed with its key; nothing leaves the simulator, and tests read what was
 * sent through the admin API. Messages are kept in memory only and never logged (they carry codes).
 */
package io.payrail.simulator.message;
