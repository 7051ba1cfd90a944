/**
 * The operator API ({@code /api/operator}, bearer token): create and change merchants, register
 * and revoke their keys, suspend and reactivate them. The back office will take this over.
 */
package io.payrail.web.api.operator;
