package io.payrail.web.backoffice;

/** Who acts (a staff id) and from which network address. */
public record Actor(String staffId, String address) {
}
