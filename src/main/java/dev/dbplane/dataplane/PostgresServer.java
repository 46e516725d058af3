package dev.dbplane.dataplane;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.postgresql.ds.PGSimpleDataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL: one database per branch, one login role per role. Each branch database has
 * four roles of its own that hold its privileges, so a login holds nothing outside its
 * branch:
 * <ul>
 * <li>{@code <db>.login}: {@code CONNECT} on the database; every login is a member</li>
 * <li>{@code <db>.owner}: owns schema {@code public} and every object logins with the
 * {@code postgres} role create (their sessions in the database {@code SET ROLE} to
 * it)</li>
 * <li>{@code <db>.read}, {@code <db>.write}: what {@code pg_read_all_data} and
 * {@code pg_write_all_data} grant, limited to the branch's database</li>
 * </ul>
 * {@code PUBLIC} keeps no privilege on the database, and no cluster-wide predefined role
 * is ever granted.
 */
final class PostgresServer implements DataPlaneServer {

	private static final String DUPLICATE_DATABASE = "42P04";

	private static final String DUPLICATE_OBJECT = "42710";

	private static final String INSUFFICIENT_PRIVILEGE = "42501";

	/** invalid_catalog_name: connecting to a database that does not exist (yet). */
	private static final String NO_SUCH_DATABASE = "3D000";

	/** Invalid value, unknown setting, not the owner's to set. */
	private static final Set<String> REFUSED_SETTING = Set.of("22023", "42704", INSUFFICIENT_PRIVILEGE);

	private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

	private final DataPlaneProperties.Server server;

	private final Endpoint endpoint;

	PostgresServer(DataPlaneProperties.Server server) {
		this.server = server;
		this.endpoint = new Endpoint(server.publicHost(), server.publicPort(5432));
	}

	@Override
	public ServerKind kind() {
		return ServerKind.POSTGRESQL;
	}

	@Override
	public Endpoint endpoint() {
		return this.endpoint;
	}

	@Override
	public void check() throws SQLException {
		try (var connection = connect(null)) {
			connection.isValid(2);
		}
	}

	@Override
	public void createDatabase(String database, @Nullable String parent) throws SQLException {
		DataPlaneNames.requireDatabase(database);
		try (var connection = connect(null); var statement = connection.createStatement()) {
			if (!exists(connection, "select 1 from pg_database where datname = ?", database)) {
				ignoring(DUPLICATE_DATABASE, statement, "create database " + Sql.pg(database));
			}
			statement.execute("revoke all on database " + Sql.pg(database) + " from public");
			for (var group : groups(database)) {
				if (!exists(connection, "select 1 from pg_roles where rolname = ?", group)) {
					ignoring(DUPLICATE_OBJECT, statement, "create role " + Sql.pg(group) + " nologin");
				}
			}
			// Membership lets dbplane set default privileges for the owner and reassign
			// its
			// objects; on PostgreSQL 16 and later creating a role grants only ADMIN.
			statement.execute("grant " + Sql.pg(owner(database)) + " to current_user");
			statement.execute("grant connect on database " + Sql.pg(database) + " to " + Sql.pg(loginGroup(database)));
			statement.execute("grant create on database " + Sql.pg(database) + " to " + Sql.pg(owner(database)));
		}
		try (var connection = connect(database); var statement = connection.createStatement()) {
			var owner = Sql.pg(owner(database));
			var read = Sql.pg(read(database));
			var write = Sql.pg(write(database));
			statement.execute("alter schema public owner to " + owner);
			statement.execute("revoke all on schema public from public");
			statement.execute("grant usage on schema public to " + read + ", " + write);
			var defaults = "alter default privileges for role " + owner + " ";
			statement.execute(defaults + "grant select on tables to " + read);
			statement.execute(defaults + "grant select on sequences to " + read);
			statement.execute(defaults + "grant insert, update, delete, truncate on tables to " + write);
			statement.execute(defaults + "grant usage, update on sequences to " + write);
			statement.execute(defaults + "grant usage on schemas to " + read + ", " + write);
		}
	}

	@Override
	public void dropDatabase(String database, Collection<String> logins) throws SQLException {
		DataPlaneNames.requireDatabase(database);
		try (var connection = connect(null); var statement = connection.createStatement()) {
			// Its logins; not dbplane's own, which PostgreSQL 16 and later make a member
			// (with ADMIN OPTION) of every role it creates.
			var members = new LinkedHashSet<>(logins);
			try (var query = connection.prepareStatement("""
					select m.rolname from pg_auth_members a
					join pg_roles g on g.oid = a.roleid join pg_roles m on m.oid = a.member
					where g.rolname = ? and m.rolcanlogin and m.rolname <> current_user""")) {
				query.setString(1, loginGroup(database));
				try (var rows = query.executeQuery()) {
					while (rows.next()) {
						members.add(rows.getString(1));
					}
				}
			}
			dropForcing(statement, database);
			for (var login : members) {
				statement.execute("drop role if exists " + Sql.pg(login));
			}
			for (var group : groups(database)) {
				statement.execute("drop role if exists " + Sql.pg(group));
			}
		}
	}

	/**
	 * DROP DATABASE ... WITH (FORCE) refuses to end a session it may not signal, and a
	 * connection attempt refused a moment ago (a wrong password, an expired login) is one
	 * until its backend exits: a few short tries before the task's own retry.
	 */
	private static void dropForcing(Statement statement, String database) throws SQLException {
		for (int attempt = 1;; attempt++) {
			try {
				statement.execute("drop database if exists " + Sql.pg(database) + " with (force)");
				return;
			}
			catch (SQLException ex) {
				if (!INSUFFICIENT_PRIVILEGE.equals(ex.getSQLState()) || attempt == 10) {
					throw ex;
				}
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

	@Override
	public void createLogin(Login login, String verifier) throws SQLException {
		var username = Sql.pg(login.username());
		var credentials = " password " + Verifiers.literal(ServerKind.POSTGRESQL, verifier) + " valid until "
				+ validUntil(login.expiresAt());
		var attributes = " login inherit nosuperuser nocreatedb nocreaterole noreplication nobypassrls" + credentials;
		try (var connection = connect(null); var statement = connection.createStatement()) {
			// A second run (after a crash) finds the role: it sets the same attributes
			// again.
			if (exists(connection, "select 1 from pg_roles where rolname = ?", login.username())
					|| !ignoring(DUPLICATE_OBJECT, statement, "create role " + username + attributes)) {
				statement.execute("alter role " + username + credentials);
			}
			statement.execute("grant " + username + " to current_user");
			statement.execute("grant " + Sql.pg(loginGroup(login.database())) + " to " + username);
			for (var role : login.roles()) {
				switch (role) {
					case "postgres" -> {
						statement.execute("grant " + Sql.pg(owner(login.database())) + " to " + username);
						statement.execute("alter role " + username + " in database " + Sql.pg(login.database())
								+ " set role = " + Sql.pgLiteral(owner(login.database())));
					}
					case "pg_read_all_data" ->
						statement.execute("grant " + Sql.pg(read(login.database())) + " to " + username);
					case "pg_write_all_data" ->
						statement.execute("grant " + Sql.pg(write(login.database())) + " to " + username);
					default -> {
						// Cluster-wide roles (monitoring, signals, checkpoints) would
						// reach
						// other branches: recorded, never granted.
					}
				}
			}
		}
	}

	@Override
	public void setPassword(String database, String username, String verifier) throws SQLException {
		alterIfExists(username, "password " + Verifiers.literal(ServerKind.POSTGRESQL, verifier));
	}

	@Override
	public void setExpiry(String database, String username, @Nullable Instant expiresAt) throws SQLException {
		alterIfExists(username, "valid until " + validUntil(expiresAt));
	}

	@Override
	public void expire(String database, String username) throws SQLException {
		alterIfExists(username, "valid until " + validUntil(Instant.now()));
	}

	@Override
	public void dropLogin(String database, String username, @Nullable String successor) throws SQLException {
		try (var connection = connect(null); var statement = connection.createStatement()) {
			if (!exists(connection, "select 1 from pg_roles where rolname = ?", username)) {
				return;
			}
			if (exists(connection, "select 1 from pg_database where datname = ?", database)) {
				try (var inDatabase = connect(database); var there = inDatabase.createStatement()) {
					reassign(connection, there, database, username, successor);
					there.execute("drop owned by " + Sql.pg(username));
				}
			}
			try (var kill = connection
				.prepareStatement("select pg_terminate_backend(pid) from pg_stat_activity where usename = ?")) {
				kill.setString(1, username);
				kill.execute();
			}
			statement.execute("drop role if exists " + Sql.pg(username));
		}
	}

	@Override
	public void setParameters(String database, Map<String, String> settings) throws SQLException {
		try (var connection = connect(null); var statement = connection.createStatement()) {
			if (!exists(connection, "select 1 from pg_database where datname = ?", database)) {
				return;
			}
			connection.setAutoCommit(false);
			statement.execute("alter database " + Sql.pg(database) + " reset all");
			for (var setting : settings.entrySet()) {
				// The API checked the value, but a server may still refuse one (another
				// version's bounds): it is left out, so that the others are set and the
				// branch's later tasks, which wait for this one, are not held up by a
				// retry that can never succeed.
				var before = connection.setSavepoint();
				try {
					statement.execute("alter database " + Sql.pg(database) + " set " + Sql.pg(setting.getKey()) + " = "
							+ Sql.pgLiteral(setting.getValue()));
				}
				catch (SQLException ex) {
					if (!REFUSED_SETTING.contains(ex.getSQLState())) {
						throw ex;
					}
					connection.rollback(before);
					log.warn("{} of {} left at its default: {}", setting.getKey(), database, ex.getMessage());
				}
			}
			connection.commit();
		}
	}

	@Override
	public List<TableSchema> schema(String database, String schema) throws SQLException {
		Connection connection;
		try {
			connection = connect(database);
		}
		catch (SQLException ex) {
			if (NO_SUCH_DATABASE.equals(ex.getSQLState())) {
				return List.of();
			}
			throw ex;
		}
		var tables = new ArrayList<TableSchema>();
		try (connection; var query = connection.prepareStatement("""
				select c.oid, c.relname, quote_ident(n.nspname) || '.' || quote_ident(c.relname)
				from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = ? and c.relkind in ('r', 'p') and not c.relispartition
				order by c.relname""")) {
			query.setString(1, schema);
			try (var rows = query.executeQuery()) {
				while (rows.next()) {
					tables.add(new TableSchema(rows.getString(2),
							createTable(connection, rows.getLong(1), rows.getString(3))));
				}
			}
		}
		return tables;
	}

	/**
	 * A table's CREATE TABLE statement, written from the catalogue as pg_dump writes one:
	 * its columns, then its constraints, then the indexes no constraint made.
	 */
	private static String createTable(Connection connection, long table, String qualifiedName) throws SQLException {
		var lines = new ArrayList<String>();
		try (var columns = connection.prepareStatement("""
				select quote_ident(a.attname), format_type(a.atttypid, a.atttypmod), a.attnotnull,
				       pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated
				from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
				where a.attrelid = ? and a.attnum > 0 and not a.attisdropped
				order by a.attnum""")) {
			columns.setLong(1, table);
			try (var rows = columns.executeQuery()) {
				while (rows.next()) {
					var column = new StringBuilder(rows.getString(1)).append(' ').append(rows.getString(2));
					var expression = rows.getString(4);
					switch (rows.getString(5)) {
						case "a" -> column.append(" GENERATED ALWAYS AS IDENTITY");
						case "d" -> column.append(" GENERATED BY DEFAULT AS IDENTITY");
						default -> {
							if ("s".equals(rows.getString(6))) {
								column.append(" GENERATED ALWAYS AS (").append(expression).append(") STORED");
							}
							else if (expression != null) {
								column.append(" DEFAULT ").append(expression);
							}
						}
					}
					if (rows.getBoolean(3)) {
						column.append(" NOT NULL");
					}
					lines.add(column.toString());
				}
			}
		}
		try (var constraints = connection.prepareStatement("""
				select quote_ident(conname), pg_get_constraintdef(oid) from pg_constraint
				where conrelid = ? and contype in ('p', 'u', 'c', 'f', 'x')
				order by contype <> 'p', conname""")) {
			constraints.setLong(1, table);
			try (var rows = constraints.executeQuery()) {
				while (rows.next()) {
					lines.add("CONSTRAINT " + rows.getString(1) + " " + rows.getString(2));
				}
			}
		}
		// The sequences of serial columns come first and are owned by their column after,
		// as pg_dump writes them, so that the statements rebuild the table on their own.
		var sequences = new StringBuilder();
		var owned = new StringBuilder();
		try (var serials = connection.prepareStatement("""
				select quote_ident(n.nspname) || '.' || quote_ident(s.relname), quote_ident(a.attname),
				       format_type(q.seqtypid, null), q.seqstart, q.seqincrement, q.seqmin, q.seqmax, q.seqcache,
				       q.seqcycle
				from pg_depend d
				join pg_class s on s.oid = d.objid and s.relkind = 'S'
				join pg_namespace n on n.oid = s.relnamespace
				join pg_sequence q on q.seqrelid = s.oid
				join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
				where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
				  and d.refobjid = ? and d.deptype = 'a'
				order by s.relname""")) {
			serials.setLong(1, table);
			try (var rows = serials.executeQuery()) {
				while (rows.next()) {
					sequences.append("CREATE SEQUENCE ")
						.append(rows.getString(1))
						.append("\n    AS ")
						.append(rows.getString(3))
						.append("\n    START WITH ")
						.append(rows.getLong(4))
						.append("\n    INCREMENT BY ")
						.append(rows.getLong(5))
						.append("\n    MINVALUE ")
						.append(rows.getLong(6))
						.append("\n    MAXVALUE ")
						.append(rows.getLong(7))
						.append("\n    CACHE ")
						.append(rows.getLong(8))
						.append(rows.getBoolean(9) ? "\n    CYCLE;\n" : ";\n");
					owned.append("\nALTER SEQUENCE ")
						.append(rows.getString(1))
						.append(" OWNED BY ")
						.append(qualifiedName)
						.append('.')
						.append(rows.getString(2))
						.append(';');
				}
			}
		}
		var ddl = new StringBuilder(sequences).append("CREATE TABLE ")
			.append(qualifiedName)
			.append(" (\n    ")
			.append(String.join(",\n    ", lines))
			.append("\n);")
			.append(owned);
		try (var indexes = connection.prepareStatement("""
				select pg_get_indexdef(i.indexrelid) from pg_index i join pg_class c on c.oid = i.indexrelid
				where i.indrelid = ? and not exists (select 1 from pg_constraint k
				                                     where k.conindid = i.indexrelid and k.contype in ('p', 'u', 'x'))
				order by c.relname""")) {
			indexes.setLong(1, table);
			try (var rows = indexes.executeQuery()) {
				while (rows.next()) {
					ddl.append('\n').append(rows.getString(1)).append(';');
				}
			}
		}
		return ddl.toString();
	}

	@Override
	public void reassignOwned(String database, String username, @Nullable String successor) throws SQLException {
		try (var connection = connect(null)) {
			if (!exists(connection, "select 1 from pg_roles where rolname = ?", username)
					|| !exists(connection, "select 1 from pg_database where datname = ?", database)) {
				return;
			}
			try (var inDatabase = connect(database); var there = inDatabase.createStatement()) {
				reassign(connection, there, database, username, successor);
			}
		}
	}

	/**
	 * REASSIGN OWNED in the branch's database ({@code there}): to {@code successor} when
	 * it is another existing login, else to the branch's owner role.
	 */
	private static void reassign(Connection admin, Statement there, String database, String username,
			@Nullable String successor) throws SQLException {
		var heir = (successor != null && !successor.equals(username)
				&& exists(admin, "select 1 from pg_roles where rolname = ?", successor)) ? successor : owner(database);
		there.execute("reassign owned by " + Sql.pg(username) + " to " + Sql.pg(heir));
	}

	private void alterIfExists(String username, String change) throws SQLException {
		try (var connection = connect(null); var statement = connection.createStatement()) {
			if (exists(connection, "select 1 from pg_roles where rolname = ?", username)) {
				statement.execute("alter role " + Sql.pg(username) + " " + change);
			}
		}
	}

	private Connection connect(@Nullable String database) throws SQLException {
		var source = new PGSimpleDataSource();
		source.setURL(this.server.url());
		if (database != null) {
			source.setDatabaseName(database);
		}
		source.setUser(this.server.username());
		source.setPassword(this.server.password());
		source.setConnectTimeout(5);
		source.setSocketTimeout(120);
		source.setApplicationName("dbplane data plane");
		return source.getConnection();
	}

	private static boolean exists(Connection connection, String sql, String value) throws SQLException {
		try (var query = connection.prepareStatement(sql)) {
			query.setString(1, value);
			try (var rows = query.executeQuery()) {
				return rows.next();
			}
		}
	}

	/** Runs {@code sql}; {@code false} when it failed with {@code sqlState}. */
	private static boolean ignoring(String sqlState, Statement statement, String sql) throws SQLException {
		try {
			statement.execute(sql);
			return true;
		}
		catch (SQLException ex) {
			if (sqlState.equals(ex.getSQLState())) {
				return false;
			}
			throw ex;
		}
	}

	private static String validUntil(@Nullable Instant expiresAt) {
		return (expiresAt != null) ? Sql.pgLiteral(expiresAt.toString()) : "'infinity'";
	}

	static String loginGroup(String database) {
		return database + ".login";
	}

	static String owner(String database) {
		return database + ".owner";
	}

	static String read(String database) {
		return database + ".read";
	}

	static String write(String database) {
		return database + ".write";
	}

	private static List<String> groups(String database) {
		return List.of(loginGroup(database), owner(database), read(database), write(database));
	}

}
