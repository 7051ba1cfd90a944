/**
 * Staff identity: accounts with PBKDF2 passwords, roles, lock-out, forced password change and an
 * optional TOTP second factor; bearer tokens for the operator API (hashed, with an expiry); and the
 * append-only log of every staff action. The back office (web module, Jakarta Security) and the
 * operator API both authenticate against {@link io.payrail.staff.StaffDirectory}.
 */
package io.payrail.staff;
