package io.payrail.simulator;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * JAX-RS at the root of the web app: Payara Micro's {@code --contextroot sim} already puts every
 * URL under {@code /sim}, so the protocol's paths read {@code /sim/bank/v1/...} and
 * {@code /sim/admin/...} without a second prefix.
 */
@ApplicationPath("/")
public class SimulatorApplication extends Application {
}
