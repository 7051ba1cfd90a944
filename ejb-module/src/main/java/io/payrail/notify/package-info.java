/**
 * Merchant notifications. A {@link io.payrail.notify.Notification} is written in the same
 * transaction as the state change it reports (it is its own outbox), then POSTed to the
 * merchant's notify URL, signed by the platform, and retried on {@link io.payrail.notify.RetrySchedule}
 * until the merchant answers 2xx. Each has an event id (the merchant's deduplication key, the same
 * on every re-delivery) and a sequence number per payment or refund (its order).
 */
package io.payrail.notify;
