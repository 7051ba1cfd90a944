/** The merchant's notifications: what was sent about a payment or refund, and re-delivery. */
package io.payrail.web.api.notifications;
