package io.payrail.sdk.verification;

/**
 * Where the verifier reads headers from: the value of the named header (names are
 * case-insensitive), or null when it is absent. A servlet request fits as {@code request::getHeader}.
 */
@FunctionalInterface
public interface HeaderLookup {
    String first(String name);
}
