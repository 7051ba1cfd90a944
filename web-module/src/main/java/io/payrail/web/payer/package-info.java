/**
 * The payers' own pages (Jakarta Faces, HTTPS only, English and Chinese): register with a one-time
 * code, sign in and out, change or reset the password, and "my orders" with each order's detail.
 * The signed-in payer lives in the HTTP session ({@link io.payrail.web.payer.PayerSessions}); pages
 * that need one send a guest to the sign-in page ({@link io.payrail.web.payer.PayerPagesFilter}).
 */
package io.payrail.web.payer;
