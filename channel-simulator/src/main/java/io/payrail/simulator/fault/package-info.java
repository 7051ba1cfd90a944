/**
 * Failures an operator or a test asks the simulator to inject at run time: latency, a number of
 * failed answers (globally or for one merchant reference) and slow answers. The
 * {@link io.payrail.simulator.fault.FailurePlan} hands out one
 * {@link io.payrail.simulator.fault.Directive} per request and counts down atomically, so "fail
 * the next N" fails exactly N requests however many arrive at once.
 */
package io.payrail.simulator.fault;
