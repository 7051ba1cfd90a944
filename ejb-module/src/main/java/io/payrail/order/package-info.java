/**
 * Payment orders: the domain ({@code domain}: the order aggregate and its one state machine), the
 * application service that is the transaction boundary ({@code application}) and persistence
 * ({@code infrastructure}).
 */
package io.payrail.order;
