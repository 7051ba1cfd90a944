/** Merchants: who may create payments, and whether they are active. */
package io.payrail.merchant;
