/**
 * Authentication of merchant requests (docs/authentication.md): the PAYRAIL-SHA256-RSA2048
 * Authorization header, the canonical string, the 5-minute timestamp window, single-use nonces
 * and per-merchant rate limits, all enforced cluster-wide through MySQL.
 */
package io.payrail.merchant.auth;
