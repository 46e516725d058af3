package dev.dbplane.dataplane;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.dbplane.dataplane.Logins.column;
import static dev.dbplane.dataplane.Logins.execute;
import static dev.dbplane.dataplane.Logins.mysql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The MySQL data plane on a real MariaDB (or MySQL), through the credentials a client
 * gets. Runs where {@code TEST_MYSQL_URL} is set or Debian's {@code mariadb-server} is
 * installed ({@code .ci/run} installs it).
 */
class MysqlServerIntegrationTests {

	private static MysqlServer server;

	private final List<String> databases = new ArrayList<>();

	private String database;

	@BeforeAll
	static void mysqlServer() {
		var configured = TestDataPlane.mysql();
		Assumptions.assumeTrue(configured != null,
				"no MySQL-kind server: set TEST_MYSQL_URL or install Debian's mariadb-server");
		server = new MysqlServer(configured);
	}

	@BeforeEach
	void branchDatabase() throws SQLException {
		this.database = create(null);
	}

	@AfterEach
	void dropDatabases() throws SQLException {
		for (var db : this.databases) {
			server.dropDatabase(db, List.of());
		}
	}

	@Test
	void whenAdminPasswordConnectsThenItCreatesInsertsAndReads() throws SQLException {
		var login = login("admin", null);
		try (var connection = mysql(this.database, login.username(), login.password())) {
			execute(connection, "create table item (id int auto_increment primary key, name varchar(20) not null)");
			execute(connection, "insert into item (name) values ('one'), ('two')");
			assertThat(column(connection, "select name from item order by id")).containsExactly("one", "two");
		}
	}

	@Test
	void whenPasswordRolesThenEachGetsItsPrivilegesOnTheBranchOnly() throws SQLException {
		var admin = login("admin", null);
		try (var connection = mysql(this.database, admin.username(), admin.password())) {
			execute(connection, "create table item (id int auto_increment primary key, name varchar(20))");
			execute(connection, "insert into item (name) values ('seed')");
		}
		var reader = login("reader", null);
		try (var connection = mysql(this.database, reader.username(), reader.password())) {
			assertThat(column(connection, "select name from item")).containsExactly("seed");
			assertRefused(connection, "insert into item (name) values ('x')");
			assertRefused(connection, "create table mine (id int)");
		}
		var writer = login("writer", null);
		try (var connection = mysql(this.database, writer.username(), writer.password())) {
			execute(connection, "insert into item (name) values ('written')");
			assertRefused(connection, "select name from item");
			assertRefused(connection, "drop table item");
		}
		var readwriter = login("readwriter", null);
		try (var connection = mysql(this.database, readwriter.username(), readwriter.password())) {
			execute(connection, "update item set name = 'changed' where name = 'written'");
			assertThat(column(connection, "select name from item order by id")).containsExactly("seed", "changed");
			assertRefused(connection, "create table mine (id int)");
		}
	}

	@Test
	void whenABranchPasswordReachesElsewhereThenItIsRefused() throws SQLException {
		var login = login("admin", null);
		var other = create(null);
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> mysql(other, login.username(), login.password()).close());
		try (var connection = mysql(this.database, login.username(), login.password())) {
			assertRefused(connection, "select count(*) from " + Sql.my(other) + ".t");
			assertRefused(connection, "create database " + Sql.my(DataPlaneNames.branchDatabase("intruder")));
			assertRefused(connection, "create user 'intruder'@'%'");
			assertRefused(connection, "select user from mysql.user");
			assertThat(column(connection, "show databases")).doesNotContain(other, "mysql");
		}
	}

	@Test
	void whenWrongPasswordThenRefused() throws SQLException {
		var login = login("reader", null);
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> mysql(this.database, login.username(), "not-the-password").close());
	}

	@Test
	void whenBranchedThenTheChildHasTheParentsTablesAndNoRows() throws SQLException {
		var admin = login("admin", null);
		try (var connection = mysql(this.database, admin.username(), admin.password())) {
			execute(connection, "create table parent_t (id int auto_increment primary key, name varchar(20))");
			execute(connection, "create table child_t (id int primary key, parent_id int,"
					+ " foreign key (parent_id) references parent_t (id))");
			execute(connection, "insert into parent_t (name) values ('a'), ('b')");
		}
		var child = create(this.database);
		server.createDatabase(child, this.database);
		var childAdmin = login(child, "admin", null);
		try (var connection = mysql(child, childAdmin.username(), childAdmin.password())) {
			assertThat(column(connection, "show tables")).containsExactlyInAnyOrder("child_t", "parent_t");
			assertThat(column(connection, "select count(*) from parent_t")).containsExactly("0");
			execute(connection, "insert into parent_t (name) values ('c')");
			assertThat(column(connection, "select id from parent_t")).containsExactly("1");
		}
	}

	@Test
	void whenExpiredThenLockedAndRenewedThenAccepted() throws SQLException {
		var login = login("reader", Instant.now().minusSeconds(1));
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> mysql(this.database, login.username(), login.password()).close());
		server.setExpiry(this.database, login.username(), Instant.now().plusSeconds(3600));
		try (var connection = mysql(this.database, login.username(), login.password())) {
			assertThat(column(connection, "select 1")).containsExactly("1");
		}
		server.expire(this.database, login.username());
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> mysql(this.database, login.username(), login.password()).close());
	}

	@Test
	void whenPasswordResetOrDroppedThenTheOldOneNoLongerConnects() throws SQLException {
		var login = login("reader", null);
		var fresh = DataPlaneNames.random(32);
		server.setPassword(this.database, login.username(), Verifiers.mysqlNativePassword(fresh));
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> mysql(this.database, login.username(), login.password()).close());
		mysql(this.database, login.username(), fresh).close();
		server.dropLogin(this.database, login.username(), null);
		server.dropLogin(this.database, login.username(), null);
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> mysql(this.database, login.username(), fresh).close());
	}

	@Test
	void whenDatabaseDroppedThenItsLoginsAreGone() throws SQLException {
		var login = login("admin", null);
		server.dropDatabase(this.database, List.of(login.username()));
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> mysql(null, login.username(), login.password()).close());
	}

	private String create(String parent) throws SQLException {
		var name = DataPlaneNames.branchDatabase(DataPlaneNames.random(12));
		this.databases.add(name);
		server.createDatabase(name, parent);
		return name;
	}

	private Credentials login(String role, Instant expiresAt) throws SQLException {
		return login(this.database, role, expiresAt);
	}

	private Credentials login(String database, String role, Instant expiresAt) throws SQLException {
		var username = DataPlaneNames.mysqlUsername();
		var password = DataPlaneNames.random(32);
		server.createLogin(new Login(database, username, List.of(role), expiresAt),
				Verifiers.mysqlNativePassword(password));
		this.cleanup.add(username);
		return new Credentials(username, password);
	}

	private final List<String> cleanup = new ArrayList<>();

	@AfterEach
	void dropLogins() throws SQLException {
		for (var username : this.cleanup) {
			server.dropLogin(this.database, username, null);
		}
	}

	private static void assertRefused(java.sql.Connection connection, String sql) {
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> execute(connection, sql))
			.satisfies((ex) -> assertThat(ex.getSQLState()).startsWith("42"));
	}

	record Credentials(String username, String password) {
	}

}
