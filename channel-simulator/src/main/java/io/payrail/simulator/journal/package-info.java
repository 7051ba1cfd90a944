/**
 * The bank's book on disk: one JSON object per line, appended before each answer and replayed at
 * start-up, so a restarted simulator still knows what it charged (and a test that kills it can
 * check that nothing was charged twice). The format is deliberately flat and written by a tiny
 * codec of our own, so the pure logic is testable without a JSON-P implementation on the class
 * path.
 */
package io.payrail.simulator.journal;
