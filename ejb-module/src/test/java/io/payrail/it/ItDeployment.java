package io.payrail.it;

import io.payrail.channel.ChannelRequestListener;
import java.io.File;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/** The test archive: the payment server's classes and libraries, minus the dispatch MDB. */
final class ItDeployment {

    private ItDeployment() {
    }

    static WebArchive archive(String name) {
        File[] libraries = Maven.resolver().loadPomFromFile("pom.xml")
                .importCompileAndRuntimeDependencies().resolve().withTransitivity().asFile();
        File[] assertions = Maven.resolver().loadPomFromFile("pom.xml")
                .resolve("org.assertj:assertj-core").withTransitivity().asFile();
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackages(true, Filters.exclude(ChannelRequestListener.class), "io.payrail.common",
                        "io.payrail.merchant", "io.payrail.order", "io.payrail.outbox", "io.payrail.channel", "io.payrail.refund",
                        "io.payrail.idempotency", "io.payrail.notify",
                        "io.payrail.ledger", "io.payrail.audit", "io.payrail.platform", "io.payrail.discrepancy", "io.payrail.fee",
                        "io.payrail.staff", "io.payrail.instrument", "io.payrail.it")
                .addAsResource("META-INF/persistence.xml")
                .addAsResource(new File("src/main/resources/db/migration"), "db/migration")
                .addAsResource("it/microprofile-config.properties", "META-INF/microprofile-config.properties")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsLibraries(libraries)
                .addAsLibraries(assertions);
    }
}
