package dev.dbplane.dataplane;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.dbplane.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static dev.dbplane.dataplane.Logins.column;
import static dev.dbplane.dataplane.Logins.execute;
import static dev.dbplane.dataplane.Logins.postgres;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The PostgreSQL data plane on a real server, through the credentials a client gets: what
 * each role may do on its branch, and everything it must not reach.
 */
class PostgresServerIntegrationTests {

	private final PostgresServer server = new PostgresServer(TestDataPlane.postgres());

	private final List<String> databases = new ArrayList<>();

	private String branch;

	private String database;

	@BeforeEach
	void branchDatabase() throws SQLException {
		this.branch = DataPlaneNames.random(12);
		this.database = create(this.branch);
	}

	@AfterEach
	void dropDatabases() throws SQLException {
		for (var db : this.databases) {
			this.server.dropDatabase(db, List.of());
		}
	}

	@Test
	void whenPostgresRoleLogsInThenItCreatesInsertsAndReads() throws SQLException {
		var password = login("postgres", List.of("postgres"), null);
		try (var connection = postgres(this.database, DataPlaneNames.postgresUsername("postgres", this.branch),
				password)) {
			execute(connection, "create table item (id serial primary key, name text not null)");
			execute(connection, "insert into item (name) values ('one'), ('two')");
			assertThat(column(connection, "select name from item order by id")).containsExactly("one", "two");
			// Its objects belong to the branch's owner role, so other admin roles manage
			// them.
			assertThat(column(connection, "select tableowner from pg_tables where tablename = 'item'"))
				.containsExactly(this.database + ".owner");
		}
	}

	@Test
	void whenRolesInheritReadOrWriteThenTheyGetThatOnTheBranchOnly() throws SQLException {
		var admin = login("postgres", List.of("postgres"), null);
		var reader = login("reader", List.of("pg_read_all_data"), null);
		var writer = login("writer", List.of("pg_write_all_data"), null);
		var plain = login("plain", List.of(), null);
		try (var connection = postgres(this.database, user("postgres"), admin)) {
			execute(connection, "create table item (id serial primary key, name text)");
			execute(connection, "insert into item (name) values ('seed')");
		}
		try (var connection = postgres(this.database, user("reader"), reader)) {
			assertThat(column(connection, "select name from item")).containsExactly("seed");
			assertRefused(connection, "insert into item (name) values ('x')");
			assertRefused(connection, "create table mine (id int)");
		}
		try (var connection = postgres(this.database, user("writer"), writer)) {
			execute(connection, "insert into item (name) values ('written')");
			assertRefused(connection, "create table mine (id int)");
			assertRefused(connection, "drop table item");
		}
		try (var connection = postgres(this.database, user("plain"), plain)) {
			assertRefused(connection, "select name from public.item");
			assertRefused(connection, "create table public.mine (id int)");
		}
	}

	@Test
	void whenABranchLoginReachesElsewhereThenItIsRefused() throws SQLException {
		var password = login("postgres", List.of("postgres", "pg_monitor", "pg_signal_backend", "pg_read_all_settings"),
				null);
		var otherBranch = DataPlaneNames.random(12);
		create(otherBranch);
		var username = user("postgres");
		// Another branch's (or organization's) database, and dbplane's own store.
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> postgres(DataPlaneNames.branchDatabase(otherBranch), username, password).close())
			.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("42501"));
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> postgres(Logins.storeDatabase(), username, password).close())
			.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("42501"));
		try (var connection = postgres(this.database, username, password)) {
			assertRefused(connection, "create role intruder login");
			assertRefused(connection, "create database intruder");
			assertRefused(connection, "alter role current_user createrole");
			assertRefused(connection, "grant pg_read_all_data to current_user");
			// Cluster-wide predefined roles were recorded, never granted.
			assertThat(column(connection, """
					select r.rolname from pg_auth_members m join pg_roles r on r.oid = m.roleid
					where m.member = (select oid from pg_roles where rolname = session_user)
					order by 1""")).containsExactly(this.database + ".login", this.database + ".owner");
		}
	}

	@Test
	void whenWrongPasswordThenRefused() throws SQLException {
		login("postgres", List.of("postgres"), null);
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> postgres(this.database, user("postgres"), "not-the-password").close())
			.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("28P01"));
	}

	@Test
	void whenExpiredThenRefusedAndRenewedThenAccepted() throws SQLException {
		var password = login("postgres", List.of("postgres"), Instant.now().minusSeconds(60));
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> postgres(this.database, user("postgres"), password).close())
			.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("28P01"));
		this.server.setExpiry(this.database, user("postgres"), Instant.now().plusSeconds(3600));
		try (var connection = postgres(this.database, user("postgres"), password)) {
			assertThat(column(connection, "select 1")).containsExactly("1");
		}
		this.server.expire(this.database, user("postgres"));
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> postgres(this.database, user("postgres"), password).close());
	}

	@Test
	void whenPasswordResetThenOnlyTheNewOneLogsIn() throws SQLException {
		var old = login("postgres", List.of("postgres"), null);
		var fresh = DataPlaneNames.random(32);
		this.server.setPassword(this.database, user("postgres"), Verifiers.scramSha256(fresh));
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> postgres(this.database, user("postgres"), old).close());
		try (var connection = postgres(this.database, user("postgres"), fresh)) {
			assertThat(column(connection, "select current_database()")).containsExactly(this.database);
		}
	}

	@Test
	void whenLoginDroppedThenItsObjectsGoToTheSuccessorAndItNoLongerLogsIn() throws SQLException {
		var first = login("first", List.of("postgres"), null);
		login("heir", List.of("postgres"), null);
		try (var connection = postgres(this.database, user("first"), first)) {
			// Out of the owner role: this table is the login's own.
			execute(connection, "set role none");
			execute(connection, "create table own (id int)");
		}
		this.server.dropLogin(this.database, user("first"), user("heir"));
		this.server.dropLogin(this.database, user("first"), user("heir"));
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> postgres(this.database, user("first"), first).close());
		try (var admin = admin(this.database)) {
			assertThat(column(admin, "select tableowner from pg_tables where tablename = 'own'"))
				.containsExactly(user("heir"));
		}
	}

	@Test
	void whenOwnedObjectsReassignedThenTheSuccessorOwnsThemAndTheLoginStillLogsIn() throws SQLException {
		var first = login("first", List.of("postgres"), null);
		login("heir", List.of("postgres"), null);
		try (var connection = postgres(this.database, user("first"), first)) {
			execute(connection, "set role none");
			execute(connection, "create table own (id int)");
		}
		this.server.reassignOwned(this.database, user("first"), user("heir"));
		this.server.reassignOwned(this.database, user("first"), user("heir"));
		try (var admin = admin(this.database)) {
			assertThat(column(admin, "select tableowner from pg_tables where tablename = 'own'"))
				.containsExactly(user("heir"));
		}
		this.server.reassignOwned(this.database, user("heir"), null);
		try (var connection = postgres(this.database, user("first"), first)) {
			assertThat(column(connection, "select tableowner from pg_tables where tablename = 'own'"))
				.as("no successor: the branch's owner role")
				.containsExactly(PostgresServer.owner(this.database));
		}
		this.server.reassignOwned(this.database, user("nobody"), null);
	}

	@Test
	void whenParametersAreSetThenNewSessionsHaveThemAndTheNextSetReplacesThem() throws SQLException {
		var password = login("postgres", List.of("postgres"), null);
		this.server.setParameters(this.database, Map.of("work_mem", "8MB", "random_page_cost", "1.1"));
		try (var connection = postgres(this.database, user("postgres"), password)) {
			assertThat(column(connection, "show work_mem")).containsExactly("8MB");
			assertThat(column(connection, "show random_page_cost")).containsExactly("1.1");
		}
		this.server.setParameters(this.database, Map.of("lock_timeout", "2s"));
		try (var connection = postgres(this.database, user("postgres"), password)) {
			assertThat(column(connection, "show work_mem")).containsExactly("4MB");
			assertThat(column(connection, "show lock_timeout")).containsExactly("2s");
		}
		// A value or name PostgreSQL refuses is left out; the others are set, and the
		// task
		// is done (the branch's later tasks wait for it).
		this.server.setParameters(this.database,
				new java.util.TreeMap<>(Map.of("lock_timeout", "x", "no_such_setting", "1", "work_mem", "8MB")));
		try (var connection = postgres(this.database, user("postgres"), password)) {
			assertThat(column(connection, "show work_mem")).containsExactly("8MB");
			assertThat(column(connection, "show lock_timeout")).containsExactly("0");
		}
		this.server.setParameters("ps_gone_" + this.branch, Map.of("work_mem", "8MB"));
		assertThat(this.server.schema("ps_gone_" + this.branch, "public")).isEmpty();
	}

	@Test
	void whenDatabaseDroppedThenItAndItsLoginsAreGone() throws SQLException {
		login("postgres", List.of("postgres"), null);
		this.server.dropDatabase(this.database, List.of());
		this.server.dropDatabase(this.database, List.of());
		try (var admin = admin(null)) {
			assertThat(column(admin, "select datname from pg_database where datname = '" + this.database + "'"))
				.isEmpty();
			assertThat(column(admin, "select rolname from pg_roles where rolname like '" + this.database + ".%' or "
					+ "rolname = '" + user("postgres") + "'"))
				.isEmpty();
		}
	}

	@Test
	void whenCreatedTwiceThenTheSecondRunFinishesTheFirst() throws SQLException {
		var password = DataPlaneNames.random(32);
		var login = new Login(this.database, user("postgres"), List.of("postgres"), null);
		this.server.createDatabase(this.database, null);
		this.server.createLogin(login, Verifiers.scramSha256(password));
		this.server.createLogin(login, Verifiers.scramSha256(password));
		try (var connection = postgres(this.database, user("postgres"), password)) {
			assertThat(column(connection, "select 1")).containsExactly("1");
		}
	}

	private String create(String branchId) throws SQLException {
		var name = DataPlaneNames.branchDatabase(branchId);
		this.databases.add(name);
		this.server.createDatabase(name, null);
		return name;
	}

	private String user(String base) {
		return DataPlaneNames.postgresUsername(base, this.branch);
	}

	private String login(String base, List<String> roles, Instant expiresAt) throws SQLException {
		var password = DataPlaneNames.random(32);
		this.server.createLogin(new Login(this.database, user(base), roles, expiresAt),
				Verifiers.scramSha256(password));
		return password;
	}

	private java.sql.Connection admin(String database) throws SQLException {
		var pg = TestDataPlane.postgres();
		if (database == null) {
			return DriverManager.getConnection(pg.url(), pg.username(), pg.password());
		}
		var url = pg.url().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
		return DriverManager.getConnection(url, pg.username(), pg.password());
	}

	private static void assertRefused(java.sql.Connection connection, String sql) {
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> execute(connection, sql))
			.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("42501"));
	}

	static {
		// What dbplane does at start when a PostgreSQL data plane is configured.
		var db = TestDatabase.connection();
		new StoreIsolation(new JdbcTemplate(new DriverManagerDataSource(db.url(), db.username(), db.password())), true)
			.afterPropertiesSet();
	}

}
