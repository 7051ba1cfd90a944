/**
 * Strict reading of request bodies. A payment API must not guess: "10" is not the number 10,
 * 10.5 is not 10, an unknown field is a mistake to report, and a key given twice is ambiguous.
 */
package io.payrail.web.api.json;
