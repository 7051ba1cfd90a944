package io.payrail.web.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import jakarta.transaction.SystemException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures are "a service is not there right now" (503 + Retry-After) and which are not (500). */
class OutagesTest {

    @Test
    void aCommitThatFailedBecauseTheDatabaseWentAwayIsAnOutage() {
        // what a kill -9 of MariaDB between a transaction's last statement and its commit gives a
        // bean's caller (seen in the fault run): an EJBException around the container's SystemException
        EJBException thrown = new EJBException(new SystemException());

        assertThat(Outages.isOutage(thrown)).isTrue();
    }

    @Test
    void aLostConnectionIsAnOutageWhereverItIsWrapped() {
        assertThat(Outages.isOutage(new EJBException(new RuntimeException(
                new SQLNonTransientConnectionException("Communications link failure"))))).isTrue();
        assertThat(Outages.isOutage(new RuntimeException(new SQLException("gone", "08S01")))).isTrue();
    }

    @Test
    void aStatementClosedUnderARequestByThePoolFailingOverIsAnOutage() {
        // seen in the chaos fault run during a database kill: Hibernate's GenericJDBCException around it
        RuntimeException thrown = new RuntimeException("could not execute batch",
                new SQLException("No operations allowed after statement closed.", "S1009"));

        assertThat(Outages.isOutage(thrown)).isTrue();
        assertThat(Outages.isOutage(new RuntimeException(new SQLException("Incorrect arguments", "S1009")))).isFalse();
    }

    @Test
    void aFaultInPayrailOrInTheRequestIsNot() {
        assertThat(Outages.isOutage(new IllegalStateException("a bug"))).isFalse();
        assertThat(Outages.isOutage(new RuntimeException(new SQLException("duplicate", "23000")))).isFalse();
    }
}
