/**
 * Books on disk: one JSON object per line ({@link io.payrail.simulator.journal.JsonLinesFile}),
 * appended before each answer and replayed at start-up, so a restarted simulator still knows what
 * it charged (and a test that kills it can check that nothing was charged twice). SIMBANK's entries
 * and the other channels' ledger lines use it alike. The format is deliberately flat and written by
 * a tiny codec of our own ({@link io.payrail.simulator.journal.JsonLine}), so the pure logic is
 * testable without a JSON-P implementation on the class path.
 */
package io.payrail.simulator.journal;
