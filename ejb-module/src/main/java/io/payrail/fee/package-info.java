/**
 * Fees: rate plans per merchant, payment method and currency (basis points plus a fixed part, a
 * minimum and a maximum, from a day on), the one fee rule ({@link io.payrail.fee.FeeCalculator}),
 * and which plan prices a capture ({@link io.payrail.fee.FeeSchedule}). The fee is computed at
 * capture and kept on the order; refunds give back their share of it or not, as the plan says.
 */
package io.payrail.fee;
