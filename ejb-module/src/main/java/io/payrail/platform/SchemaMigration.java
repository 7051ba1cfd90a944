package io.payrail.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;

/**
 * Brings the schema to the version this build expects (Flyway, outside any JTA transaction: DDL
 * inside a global transaction fails), then has Hibernate validate its mappings against it. A
 * mismatch stops the deployment instead of failing on the first payment.
 *
 * <p>Several servers may start at once: Flyway serialises them with its lock on the history table.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/payrail")
    private DataSource dataSource;

    @PersistenceUnit(unitName = "payrail")
    private EntityManagerFactory entityManagerFactory;

    @Inject
    @ConfigProperty(name = "payrail.db.migrate-on-start", defaultValue = "true")
    boolean migrateOnStart;

    @PostConstruct
    void migrateAndValidate() {
        if (migrateOnStart) {
            MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    // business areas number their migrations in ranges of their own (V10-V19 settlement,
                    // V20-V29 payers, ...): a database that already has a later area's migrations must
                    // still take an earlier area's new ones
                    .outOfOrder(true)
                    .load()
                    .migrate();
            LOG.info(() -> "schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                    + " migration(s) applied now)");
        } else {
            LOG.info("payrail.db.migrate-on-start=false: schema migration is left to the operator");
        }
        entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
        LOG.info("schema matches the JPA mappings");
    }
}
