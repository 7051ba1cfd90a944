package io.payrail.staff;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the staff the run scripts ask for at deployment, from the file
 * {@code payrail.staff.bootstrap-file} (written by the scripts, mode 0600, one member a line:
 * {@code id<TAB>ROLE,ROLE<TAB>password<TAB>one-time|automation}). The first administrator comes
 * with a one-time password; the scripts' own automation accounts keep theirs. Members that exist
 * are left alone (an automation account gets the file's password back). Never logs a password.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class StaffBootstrap {

    private static final Logger LOG = Logger.getLogger(StaffBootstrap.class.getName());

    @Inject
    @ConfigProperty(name = "payrail.staff.bootstrap-file")
    Optional<String> file;

    @EJB
    private StaffDirectory staff;

    @PostConstruct
    void bootstrap() {
        if (file.isEmpty() || !Files.isReadable(Path.of(file.get()))) {
            return;
        }
        try {
            for (String line : Files.readAllLines(Path.of(file.get()), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 4) {
                    LOG.warning("ignored a line of " + file.get() + ": it needs id, roles, password and mode, tab-separated");
                    continue;
                }
                if (staff.ensure(f[0], StaffRole.parse(f[1]), f[2], "automation".equals(f[3]))) {
                    LOG.info(() -> "staff member " + f[0] + " created with roles " + f[1]);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.severe("cannot read the staff bootstrap file " + file.get() + ": " + e.getMessage()
                    + "; fix or delete it and redeploy");
        }
    }
}
