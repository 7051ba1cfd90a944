/**
 * The staff back office under {@code /admin/}: Jakarta Security (our own form login mechanism and
 * identity store over the staff accounts), the forced password change, and the page beans. Every
 * page is behind a container security constraint by role (web.xml) and every action checks the
 * role again in its bean: a hidden button is not a guard. Postbacks carry the server-side view
 * state, which Faces checks (CSRF). Only {@code /admin/*} is covered: the cashier, payer pages,
 * {@code /api/v1} and {@code /soap} have their own authentication.
 */
package io.payrail.web.admin;
