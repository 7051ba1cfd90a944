/**
 * TLS trust for talking to a Payrail server whose certificate no public CA signed, such as the
 * self-signed one of a local {@code ./payrail run}: trust that certificate exactly, instead of
 * switching verification off.
 */
package io.payrail.sdk.tls;
