/**
 * {@code PayrailCall}, a command-line client that signs one request, verifies the platform's
 * response and prints it: for trying the API by hand and for checking a server's implementation
 * of the protocol against this SDK's.
 */
package io.payrail.sdk.cli;
