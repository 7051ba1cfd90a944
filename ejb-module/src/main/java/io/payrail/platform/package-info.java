/** Start-up concerns of the payment server: the schema (Flyway) and its check against the mappings. */
package io.payrail.platform;
