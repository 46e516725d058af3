package dev.dbplane.dataplane;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.dbplane.TestDatabase;

/** Connections as the credentials a client is handed, to the data-plane servers. */
public final class Logins {

	private Logins() {
	}

	/** A PostgreSQL connection to {@code database} on the test server. */
	public static Connection postgres(String database, String username, String password) throws SQLException {
		var url = TestDataPlane.postgres().url().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
		return DriverManager.getConnection(url, username, password);
	}

	/** A MySQL connection to {@code database} ({@code null}: none) on the test server. */
	static Connection mysql(String database, String username, String password) throws SQLException {
		var base = TestDataPlane.mysql().url().replaceFirst("/[^/]*$", "/");
		return DriverManager.getConnection(base + ((database != null) ? database : ""), username, password);
	}

	/** The databases of the test store's server, as seen by an administrative query. */
	public static String storeDatabase() {
		var url = TestDatabase.connection().url();
		return url.replaceFirst("^jdbc:postgresql://[^/]+/", "").replaceFirst("\\?.*$", "");
	}

	public static List<String> column(Connection connection, String sql) throws SQLException {
		var values = new ArrayList<String>();
		try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

	public static void execute(Connection connection, String sql) throws SQLException {
		try (var statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
