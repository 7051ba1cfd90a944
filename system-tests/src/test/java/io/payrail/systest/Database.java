package io.payrail.systest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Reads the platform's MySQL database directly, to prove what was and was not stored. */
final class Database {

    private Database() {
    }

    /** One statement with its parameters, on a connection of its own. */
    private interface Work<T> {
        T on(PreparedStatement statement) throws SQLException;
    }

    private static <T> T run(String sql, Object[] parameters, Work<T> work) {
        try (Connection c = connect(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return work.on(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot use the test database: " + e.getMessage(), e);
        }
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("payrail.systest.db.url"),
                System.getProperty("payrail.systest.db.user"), System.getProperty("payrail.systest.db.password"));
    }

    static long count(String sql, Object... parameters) {
        return run(sql, parameters, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** Changes rows as time or an outside party would (an order's expiry passing); returns how many. */
    static int update(String sql, Object... parameters) {
        return run(sql, parameters, PreparedStatement::executeUpdate);
    }

    static String state(String orderId) {
        return string("SELECT state FROM payment_order WHERE id = ?", orderId);
    }

    /** The first column of the first row, or null when there is none. */
    static String string(String sql, Object... parameters) {
        return run(sql, parameters, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        });
    }

    /** The first two columns of every row, as a map (e.g. id → state). */
    static Map<String, String> pairs(String sql, Object... parameters) {
        try (Connection c = DriverManager.getConnection(System.getProperty("payrail.systest.db.url"),
                System.getProperty("payrail.systest.db.user"), System.getProperty("payrail.systest.db.password"));
             PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            Map<String, String> out = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.put(rows.getString(1), rows.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the test database: " + e.getMessage(), e);
        }
    }

    /**
     * Card orders not yet final (CREATED or PROCESSING): failure injection on the banks applies to
     * their next requests, so tests that inject wait for these first. (Wallet and cashier orders wait
     * for their payer and do not talk to the banks; orders held for an operator talk to nobody.)
     */
    static long ordersInFlight() {
        return count("SELECT COUNT(*) FROM payment_order WHERE state IN ('CREATED', 'PROCESSING')"
                + " AND payment_method NOT IN ('WALLET', 'CASHIER') AND held_at IS NULL");
    }
}
