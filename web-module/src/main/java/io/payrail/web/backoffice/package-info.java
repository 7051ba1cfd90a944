/**
 * What staff do, shared by the operator API and the back-office pages: each action runs in one
 * transaction with its audit row (who, what, target, before and after, from where), so an action
 * that fails leaves no row and a row always means the action happened.
 */
package io.payrail.web.backoffice;
