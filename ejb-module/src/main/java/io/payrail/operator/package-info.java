/**
 * Who acts in the operator API: the administrator (the installation's operator token) and the named
 * operators it issues tokens to. Maker-checker rules compare these names; the back office will put
 * its own sign-in in front of the same beans.
 */
package io.payrail.operator;
