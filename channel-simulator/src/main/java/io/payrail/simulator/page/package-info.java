/**
 * The payer's pages: CARDGW's card confirmation (3-D Secure style) and WALLET's pay page, where a
 * payer approves or declines a PENDING order. Plain HTML forms, rendered by pure functions so their
 * logic is tested without a browser.
 */
package io.payrail.simulator.page;
