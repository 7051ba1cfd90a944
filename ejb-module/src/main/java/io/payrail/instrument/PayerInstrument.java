package io.payrail.instrument;

/**
 * The payer's own credential for one payment, in memory only. A channel that needs one (a card
 * gateway, quick pay) is given it with the submission; it never travels through the outbox or the
 * queue, so a payment that needs it is submitted from the payer's own request (docs/channels.md §8).
 */
public sealed interface PayerInstrument permits CardDetails, QuickPayCode {

    /** What may be shown and stored about it: brand and last four digits, or the agreement. */
    String describe();
}
