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
        try (Connection c = DriverManager.getConnection(System.getProperty("payrail.systest.db.url"),
                System.getProperty("payrail.systest.db.user"), System.getProperty("payrail.systest.db.password"));
             PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the test database: " + e.getMessage(), e);
        }
    }

    static String state(String orderId) {
        try (Connection c = DriverManager.getConnection(System.getProperty("payrail.systest.db.url"),
                System.getProperty("payrail.systest.db.user"), System.getProperty("payrail.systest.db.password"));
             PreparedStatement statement = c.prepareStatement("SELECT state FROM payment_order WHERE id = ?")) {
            statement.setString(1, orderId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the test database: " + e.getMessage(), e);
        }
    }

    /** Orders not yet final (CREATED or PROCESSING). */
    static long ordersInFlight() {
        return count("SELECT COUNT(*) FROM payment_order WHERE state IN ('CREATED', 'PROCESSING')");
    }
}
