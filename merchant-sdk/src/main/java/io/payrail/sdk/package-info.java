/**
 * The Payrail merchant SDK for Java: {@link io.payrail.sdk.PayrailClient} signs each request with
 * the merchant's key and verifies each response's platform signature before handing it back. It
 * needs only the JDK; JSON is the caller's, so request and response bodies are plain strings,
 * sent and checked byte for byte. The protocol itself is in docs/authentication.md.
 */
package io.payrail.sdk;
