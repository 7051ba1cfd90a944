package io.payrail.bench;

import io.payrail.sdk.PayrailClient;

/**
 * A merchant the bench created for its run: a client signing as it (shared by the threads that act
 * for it: the SDK client is thread-safe and pools its connections), and the receiver at its notify URL.
 */
record BenchMerchant(String id, PayrailClient client, NotificationReceiver receiver) {
}
