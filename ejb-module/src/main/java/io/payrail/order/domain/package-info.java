/** The payment order aggregate, its states and the rules of moving between them. */
package io.payrail.order.domain;
