package dev.salesbot.sync.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's own database file, opened beside it (H2 AUTO_SERVER), so tests can check what was
 * stored and what was not — including that no column holds a token in plain text.
 */
public final class Database {

    private Database() {
    }

    public static long count(String sql, Object... params) {
        try (Connection c = open(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long connectionsOf(String shop) {
        return count("select count(*) from SHOPIFY_CONNECTION where SHOP = ?", shop);
    }

    /** Every value of every column of every table the application created, as text. */
    public static List<String> everyStoredValue() {
        List<String> values = new ArrayList<>();
        try (Connection c = open()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = c.createStatement().executeQuery(
                    "select TABLE_NAME from INFORMATION_SCHEMA.TABLES where TABLE_SCHEMA = 'PUBLIC'")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet r = c.createStatement().executeQuery("select * from \"" + table + "\"")) {
                    int columns = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        for (int i = 1; i <= columns; i++) {
                            values.add(String.valueOf(r.getObject(i)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    private static Connection open() throws SQLException {
        String path = ItSettings.itDir().toAbsolutePath().resolve("db/salesbot").toString();
        return DriverManager.getConnection("jdbc:h2:" + path + ";AUTO_SERVER=TRUE", "", "");
    }
}
