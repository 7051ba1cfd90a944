package io.payrail.systest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the platform's MySQL database directly, to prove what was and was not stored. */
final class Database {

    private Database() {
    }

    static long count(String sql, Object... parameters) {
        return query(sql, parameters, rows -> {
            rows.next();
            return rows.getLong(1);
        });
    }

    /** Runs one INSERT or UPDATE (a test sets up what the API would not let it, e.g. an expired token). */
    static int update(String sql, Object... parameters) {
        return withStatement(sql, parameters, PreparedStatement::executeUpdate);
    }

    static String state(String orderId) {
        return string("SELECT state FROM payment_order WHERE id = ?", orderId);
    }

    /** The first column of the first row, or null when there is none. */
    static String string(String sql, Object... parameters) {
        return query(sql, parameters, rows -> rows.next() ? rows.getString(1) : null);
    }

    private static <T> T query(String sql, Object[] parameters, SqlFunction<ResultSet, T> read) {
        return withStatement(sql, parameters, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                return read.apply(rows);
            }
        });
    }

    private static <T> T withStatement(String sql, Object[] parameters, SqlFunction<PreparedStatement, T> run) {
        try (Connection c = DriverManager.getConnection(System.getProperty("payrail.systest.db.url"),
                System.getProperty("payrail.systest.db.user"), System.getProperty("payrail.systest.db.password"));
             PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return run.apply(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("the test database refused: " + e.getMessage(), e);
        }
    }

    /** A JDBC step. */
    private interface SqlFunction<A, T> {
        T apply(A value) throws SQLException;
    }

    /**
     * Card orders not yet final (CREATED or PROCESSING): failure injection on the banks applies to
     * their next requests, so tests that inject wait for these first. (Wallet orders wait for their
     * payer and do not talk to the banks; orders held for an operator talk to nobody.)
     */
    static long ordersInFlight() {
        return count("SELECT COUNT(*) FROM payment_order WHERE state IN ('CREATED', 'PROCESSING')"
                + " AND payment_method <> 'WALLET' AND held_at IS NULL");
    }
}
