package dev.salesbot.sync.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's own database file, opened beside it (H2 AUTO_SERVER), so tests can check what was
 * stored and what was not — including that no column holds a token in plain text.
 */
public final class Database {

    private Database() {
    }

    public static long count(String sql, Object... params) {
        return ((Number) rows(defaultFile(), sql, params).get(0).values().iterator().next()).longValue();
    }

    /**
     * The rows {@code sql} selects from the database file {@code file} (H2's path, without
     * {@code .mv.db}), each as column label → value, in column order.
     */
    public static List<Map<String, Object>> rows(Path file, String sql, Object... params) {
        try (Connection c = open(file)) {
            return rows(c, sql, params);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows {@code sql} selects on {@code c} (any database), each as column label → value, in column order. */
    public static List<Map<String, Object>> rows(Connection c, String sql, Object... params) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(r.getMetaData().getColumnLabel(i), r.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs an insert, update or delete on the server's database; answers the rows changed. */
    public static int execute(String sql, Object... params) {
        try (Connection c = open(defaultFile()); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As {@link #execute(String, Object...)}, on the database in {@code file}. */
    public static int execute(Path file, String sql, Object... params) {
        try (Connection c = open(file); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one row {@code sql} selects. */
    public static Map<String, Object> row(String sql, Object... params) {
        List<Map<String, Object>> rows = rows(defaultFile(), sql, params);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row, got " + rows.size() + " for " + sql);
        }
        return rows.get(0);
    }

    public static long connectionsOf(String shop) {
        return count("select count(*) from SHOPIFY_CONNECTION where SHOP = ?", shop);
    }

    /** Every value of every column of every table the application created, as text. */
    public static List<String> everyStoredValue() {
        List<String> values = new ArrayList<>();
        try (Connection c = open(defaultFile())) {
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

    private static Path defaultFile() {
        return ItSettings.itDir().resolve("db/salesbot");
    }

    /** AUTO_SERVER: the server holds the file; this process joins it rather than locking it out. */
    private static Connection open(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:" + file.toAbsolutePath() + ";AUTO_SERVER=TRUE", "", "");
    }
}
