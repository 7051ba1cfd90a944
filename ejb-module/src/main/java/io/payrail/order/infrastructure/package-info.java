/** JPA persistence of payment orders. */
package io.payrail.order.infrastructure;
