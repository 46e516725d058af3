package dev.dbplane.dataplane;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * MySQL or MariaDB: one database (schema) per branch, one account per password, with
 * privileges on that database only. An account's expiry is a lock applied when it is due
 * (a scheduled task), since neither server refuses a login at a given instant by itself.
 */
final class MysqlServer implements DataPlaneServer {

	private static final Pattern AUTO_INCREMENT = Pattern.compile(" AUTO_INCREMENT=[0-9]+");

	private final DataPlaneProperties.Server server;

	private final Endpoint endpoint;

	MysqlServer(DataPlaneProperties.Server server) {
		this.server = server;
		this.endpoint = new Endpoint(server.publicHost(), server.publicPort(3306));
	}

	@Override
	public ServerKind kind() {
		return ServerKind.MYSQL;
	}

	@Override
	public Endpoint endpoint() {
		return this.endpoint;
	}

	@Override
	public void check() throws SQLException {
		try (var connection = connect()) {
			connection.isValid(2);
		}
	}

	@Override
	public void createDatabase(String database, @Nullable String parent) throws SQLException {
		DataPlaneNames.requireDatabase(database);
		try (var connection = connect(); var statement = connection.createStatement()) {
			statement.execute("create database if not exists " + Sql.my(database));
			if (parent == null) {
				return;
			}
			DataPlaneNames.requireDatabase(parent);
			// A branch starts with its parent's schema and none of its rows.
			var tables = tables(connection, parent);
			statement.execute("use " + Sql.my(database));
			statement.execute("set foreign_key_checks = 0");
			for (var table : tables) {
				statement.execute(table.raw().replaceFirst("^CREATE TABLE ", "CREATE TABLE IF NOT EXISTS "));
			}
		}
	}

	@Override
	public List<TableSchema> schema(String database, String schema) throws SQLException {
		DataPlaneNames.requireDatabase(database);
		try (var connection = connect()) {
			return tables(connection, database);
		}
	}

	/**
	 * A database's tables with their CREATE TABLE statements, without the next
	 * AUTO_INCREMENT value (rows, not schema).
	 */
	private static List<TableSchema> tables(Connection connection, String database) throws SQLException {
		var names = new ArrayList<String>();
		try (var query = connection.prepareStatement(
				"select table_name from information_schema.tables where table_schema = ? and table_type = 'BASE TABLE' order by table_name")) {
			query.setString(1, database);
			try (var rows = query.executeQuery()) {
				while (rows.next()) {
					names.add(rows.getString(1));
				}
			}
		}
		var tables = new ArrayList<TableSchema>();
		try (var statement = connection.createStatement()) {
			for (var name : names) {
				try (var rows = statement.executeQuery("show create table " + Sql.my(database) + "." + Sql.my(name))) {
					rows.next();
					tables.add(new TableSchema(name, AUTO_INCREMENT.matcher(rows.getString(2)).replaceFirst("")));
				}
			}
		}
		return tables;
	}

	@Override
	public void dropDatabase(String database, Collection<String> logins) throws SQLException {
		DataPlaneNames.requireDatabase(database);
		try (var connection = connect(); var statement = connection.createStatement()) {
			statement.execute("drop database if exists " + Sql.my(database));
			for (var login : logins) {
				statement.execute("drop user if exists " + Sql.myAccount(login));
			}
		}
	}

	@Override
	public void createLogin(Login login, String verifier) throws SQLException {
		var account = Sql.myAccount(login.username());
		var identified = " identified with mysql_native_password as " + Verifiers.literal(ServerKind.MYSQL, verifier);
		try (var connection = connect(); var statement = connection.createStatement()) {
			statement.execute("create user if not exists " + account + identified);
			// A second run (after a crash) finds the account: the same password again.
			statement.execute("alter user " + account + identified + lock(login.expiresAt()));
			statement.execute("grant " + privileges(login.roles().get(0)) + " on "
					+ Sql.myGrantDatabase(login.database()) + ".* to " + account);
		}
	}

	@Override
	public void setPassword(String database, String username, String verifier) throws SQLException {
		execute("alter user if exists " + Sql.myAccount(username) + " identified with mysql_native_password as "
				+ Verifiers.literal(ServerKind.MYSQL, verifier));
	}

	@Override
	public void setExpiry(String database, String username, @Nullable Instant expiresAt) throws SQLException {
		execute("alter user if exists " + Sql.myAccount(username) + lock(expiresAt));
	}

	@Override
	public void expire(String database, String username) throws SQLException {
		execute("alter user if exists " + Sql.myAccount(username) + " account lock");
	}

	@Override
	public void dropLogin(String database, String username, @Nullable String successor) throws SQLException {
		execute("drop user if exists " + Sql.myAccount(username));
	}

	@Override
	public void reassignOwned(String database, String username, @Nullable String successor) {
		// A MySQL account owns no objects: there is nothing to hand over.
	}

	@Override
	public void setParameters(String database, Map<String, String> settings) {
		throw new UnsupportedOperationException("MySQL branches have no parameters");
	}

	private static String lock(@Nullable Instant expiresAt) {
		return (expiresAt != null && !expiresAt.isAfter(Instant.now())) ? " account lock" : " account unlock";
	}

	/** PlanetScale's password roles, on the branch's database only. */
	static String privileges(String role) {
		return switch (role) {
			case "reader" -> "select, show view";
			case "writer" -> "insert, update, delete";
			case "readwriter" -> "select, insert, update, delete, show view";
			case "admin" -> "all privileges";
			default -> throw new IllegalArgumentException("Unknown password role " + role);
		};
	}

	private void execute(String sql) throws SQLException {
		try (var connection = connect(); var statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private Connection connect() throws SQLException {
		var properties = new Properties();
		properties.setProperty("user", this.server.username());
		if (this.server.password() != null) {
			properties.setProperty("password", this.server.password());
		}
		properties.setProperty("connectTimeout", "5000");
		properties.setProperty("socketTimeout", "120000");
		return DriverManager.getConnection(this.server.url(), properties);
	}

}
