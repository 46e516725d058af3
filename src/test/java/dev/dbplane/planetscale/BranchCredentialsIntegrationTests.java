package dev.dbplane.planetscale;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import dev.dbplane.Api;
import dev.dbplane.IntegrationTest;
import dev.dbplane.dataplane.Logins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.dbplane.Json.names;
import static dev.dbplane.dataplane.Logins.column;
import static dev.dbplane.dataplane.Logins.execute;
import static dev.dbplane.planetscale.PlanetScaleFixtures.databases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a user does after "create": the credentials the API hands out log in to the
 * branch's real database, with the privileges asked for, there and nowhere else, and stop
 * when they or their branch are deleted. Through the API, on the test servers.
 */
class BranchCredentialsIntegrationTests extends IntegrationTest {

	// Credentials are used right after their create answers, as CI recipes do: creating
	// one waits for its login. Deleting does not, hence settled() after deletes.

	@Autowired
	private Organizations organizations;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private BranchProvisioning provisioning;

	private String organization;

	private Api api;

	@BeforeEach
	void organization() {
		this.organization = PlanetScaleFixtures.organization(this.organizations);
		this.api = planetscaleApi(this.organization);
	}

	@Test
	void whenPostgresqlRolesAreCreatedThenTheyLogInToTheirBranchOnlyWithTheirPrivileges() throws SQLException {
		var mainId = readyDatabase("pg", "postgresql", "PS_5_AWS_X86");
		var owner = post(roles("pg", "main"), "{\"name\": \"owner\", \"inherited_roles\": [\"postgres\"]}");
		var reader = post(roles("pg", "main"), "{\"name\": \"reader\", \"inherited_roles\": [\"pg_read_all_data\"]}");

		try (var connection = postgres(owner, "ps_" + mainId)) {
			execute(connection, "create table note (id int primary key, body text)");
			execute(connection, "insert into note values (1, 'kept')");
			assertThat(column(connection, "select body from note")).containsExactly("kept");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> execute(connection, "create database stolen"));
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> execute(connection, "create role intruder login"));
		}
		try (var connection = postgres(reader, owner.get("database_name").asString())) {
			assertThat(column(connection, "select current_database()"))
				.as("the database roles name, postgres, is their branch's")
				.containsExactly("ps_" + mainId);
			assertThat(column(connection, "select body from note")).containsExactly("kept");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> execute(connection, "insert into note values (2, 'written')"));
		}

		var devId = branch("pg", "dev");
		var devOwner = post(roles("pg", "dev"), "{\"name\": \"dev\", \"inherited_roles\": [\"postgres\"]}");
		try (var connection = postgres(devOwner, "ps_" + devId)) {
			assertThat(column(connection, "select count(*) from pg_tables where tablename = 'note'"))
				.as("a PostgreSQL branch starts empty")
				.containsExactly("0");
		}
		var otherId = readyDatabase("other", "postgresql", "PS_5_AWS_X86");
		// On the server itself, past the proxy (whose postgres is the login's own
		// branch).
		for (var elsewhere : List.of("ps_" + devId, "ps_" + otherId, Logins.storeDatabase())) {
			assertThatExceptionOfType(SQLException.class).as(elsewhere)
				.isThrownBy(() -> Logins
					.postgres(elsewhere, owner.get("username").asString(), owner.get("password").asString())
					.close());
		}
		for (var elsewhere : List.of("ps_" + devId, "ps_" + otherId)) {
			assertThatExceptionOfType(SQLException.class).as("through the proxy: " + elsewhere)
				.isThrownBy(() -> postgres(owner, elsewhere).close());
		}
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> postgres(devOwner, "ps_" + mainId).close());
	}

	@Test
	void whenPostgresqlCredentialsOrBranchesAreDeletedThenTheyNoLongerLogIn() throws SQLException {
		var mainId = readyDatabase("pg", "postgresql", "PS_5_AWS_X86");
		var devId = branch("pg", "dev");
		var role = post(roles("pg", "dev"), "{\"name\": \"gone\", \"inherited_roles\": [\"postgres\"]}");
		var reset = this.api.post(roles("pg", "main") + "/reset-default", null);
		assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
		postgres(role, "ps_" + devId).close();
		postgres(reset.json(), "ps_" + mainId).close();

		assertThat(this.api.delete(roles("pg", "dev") + "/" + role.get("id").asString()).status()).isEqualTo(204);
		settled(mainId, devId);
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> postgres(role, "ps_" + devId).close());

		assertThat(this.api.delete(branches("pg") + "/dev").status()).isEqualTo(204);
		settled(mainId, devId);
		assertThat(databasesNamed("ps_" + devId)).isZero();
		assertThat(databasesNamed("ps_" + mainId)).isOne();

		assertThat(this.api.delete(databases(this.organization) + "/pg").status()).isEqualTo(204);
		settled(mainId, devId);
		assertThat(databasesNamed("ps_" + mainId)).isZero();
	}

	@Test
	void whenARoleIsResetThenOnlyItsNewPasswordLogsIn() throws SQLException {
		readyDatabase("pg", "postgresql", "PS_5_AWS_X86");
		var devId = branch("pg", "dev");
		var role = post(roles("pg", "dev"), "{\"name\": \"app\", \"inherited_roles\": [\"postgres\"]}");
		postgres(role, "postgres").close();

		var reset = this.api.post(roles("pg", "dev") + "/" + role.get("id").asString() + "/reset", "{}");

		assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
		try (var connection = postgres(reset.json(), "postgres")) {
			assertThat(column(connection, "select current_database()")).containsExactly("ps_" + devId);
		}
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> postgres(role, "postgres").close());
	}

	@Test
	void whenAnExpiredRoleIsRenewedThenItsLoginIsValidUntilItsNewExpiryAndLogsInAgain() throws SQLException {
		var mainId = readyDatabase("pg", "postgresql", "PS_5_AWS_X86");
		var role = post(roles("pg", "main"), "{\"name\": \"short\", \"ttl\": 3600}");
		var username = role.get("username").asString();
		// As if its hour had passed: the login's VALID UNTIL and the record's expiry.
		this.jdbc.execute("alter role \"" + username + "\" valid until '2000-01-01T00:00:00Z'");
		this.jdbc.update("update planetscale_branch_role set expires_at = now() - interval '1 minute' where id = ?",
				role.get("id").asString());
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> postgres(role, "postgres").close());

		var renewed = this.api.post(roles("pg", "main") + "/" + role.get("id").asString() + "/renew", "{}");

		assertThat(renewed.status()).as(renewed.toString()).isEqualTo(200);
		var expiresAt = Instant.parse(renewed.json().get("expires_at").asString());
		settled(mainId);
		assertThat(this.jdbc
			.queryForObject("select rolvaliduntil from pg_roles where rolname = ?", java.sql.Timestamp.class, username)
			.toInstant()).isEqualTo(expiresAt);
		try (var connection = postgres(role, "postgres")) {
			assertThat(column(connection, "select current_database()")).containsExactly("ps_" + mainId);
		}
	}

	@Test
	void whenARoleIsReassignedThenWhatItOwnsInItsBranchIsTheSuccessorsAndItStays() throws SQLException {
		var mainId = readyDatabase("pg", "postgresql", "PS_5_AWS_X86");
		var from = post(roles("pg", "main"), "{\"name\": \"from\", \"inherited_roles\": [\"postgres\"]}");
		var heir = post(roles("pg", "main"), "{\"name\": \"heir\", \"inherited_roles\": [\"postgres\"]}");
		try (var connection = postgres(from, "postgres")) {
			// Out of the owner role: this table is the login's own.
			execute(connection, "set role none");
			execute(connection, "create table own (id int)");
		}

		var reassigned = this.api.post(roles("pg", "main") + "/" + from.get("id").asString() + "/reassign",
				"{\"successor\": \"" + heir.get("base_username").asString() + "\"}");

		assertThat(reassigned.status()).as(reassigned.toString()).isEqualTo(204);
		try (var connection = postgres(heir, "postgres")) {
			assertThat(column(connection, "select tableowner from pg_tables where tablename = 'own'"))
				.containsExactly(heir.get("username").asString());
		}
		postgres(from, "ps_" + mainId).close();

		var toOwner = this.api.post(roles("pg", "main") + "/" + heir.get("id").asString() + "/reassign",
				"{\"successor\": \"postgres\"}");

		assertThat(toOwner.status()).as(toOwner.toString()).isEqualTo(204);
		try (var connection = postgres(heir, "postgres")) {
			assertThat(column(connection, "select tableowner from pg_tables where tablename = 'own'"))
				.as("the default role's objects are the branch's owner role's")
				.containsExactly("ps_" + mainId + ".owner");
		}
	}

	@Test
	void whenParametersAreChangedThenNewSessionsOnTheBranchHaveThemAndOtherBranchesDoNot() throws SQLException {
		var mainId = readyDatabase("pg", "postgresql", "PS_5_AWS_X86");
		var devId = branch("pg", "dev");
		var role = post(roles("pg", "main"), "{\"name\": \"tuned\", \"inherited_roles\": [\"postgres\"]}");
		var other = post(roles("pg", "dev"), "{\"name\": \"plain\", \"inherited_roles\": [\"postgres\"]}");

		var changed = this.api.patch(branches("pg") + "/main/changes", """
				{"parameters": {"pgconf": {"work_mem": "8MB", "statement_timeout": "30s",
				 "default_transaction_isolation": "repeatable read", "max_connections": "200"},
				 "pgbouncer": {"default_pool_size": "25"}}}
				""");

		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		settled(mainId);
		try (var connection = postgres(role, "postgres")) {
			assertThat(column(connection, "show work_mem")).containsExactly("8MB");
			assertThat(column(connection, "show statement_timeout")).containsExactly("30s");
			assertThat(column(connection, "show default_transaction_isolation")).containsExactly("repeatable read");
			// A server-wide setting stays the server's: a record only (README).
			assertThat(column(connection, "show max_connections")).doesNotContain("200");
		}
		try (var connection = postgres(other, "postgres")) {
			assertThat(column(connection, "select current_database()")).containsExactly("ps_" + devId);
			assertThat(column(connection, "show work_mem")).containsExactly("4MB");
		}

		// Terraform's change sets the branch's parameters in full: what it leaves out is
		// reset.
		var terraform = this.api.put(branches("pg") + "/main/terraform-changes",
				"{\"parameters\": {\"pgconf\": {\"lock_timeout\": \"5s\"}}}");

		assertThat(terraform.status()).as(terraform.toString()).isEqualTo(204);
		settled(mainId);
		try (var connection = postgres(role, "postgres")) {
			assertThat(column(connection, "show work_mem")).containsExactly("4MB");
			assertThat(column(connection, "show lock_timeout")).containsExactly("5s");
			assertThat(column(connection, "show default_transaction_isolation")).containsExactly("read committed");
		}
	}

	@Test
	void whenAPostgresqlBranchsSchemaIsReadThenItIsWhatItsDatabaseHasAndItsStatementsRebuildIt() throws SQLException {
		readyDatabase("pg", "postgresql", "PS_5_AWS_X86");
		var owner = post(roles("pg", "main"), "{\"name\": \"owner\", \"inherited_roles\": [\"postgres\"]}");
		assertThat(this.api.get(branches("pg") + "/main/schema").json().toString()).isEqualTo("{\"data\":[]}");
		try (var connection = postgres(owner, "postgres")) {
			execute(connection, """
					create table author (id bigint generated by default as identity primary key,
					  email varchar(200) not null unique, joined timestamptz default now());
					create table note (id serial primary key, author_id bigint not null references author (id),
					  body text not null default '', words int generated always as (length(body)) stored,
					  check (length(body) < 10000));
					create index note_author on note (author_id);
					create schema extra;
					create table extra.other (id int)""");
		}

		var read = this.api.get(branches("pg") + "/main/schema");

		assertThat(read.status()).as(read.toString()).isEqualTo(200);
		var tables = read.json().get("data");
		assertThat(tables).extracting((table) -> table.get("name").asString()).containsExactly("author", "note");
		assertThat(names(tables.get(0))).containsExactly("name", "html", "raw");
		assertThat(tables.get(0).get("raw").asString()).isEqualTo("""
				CREATE TABLE public.author (
				    id bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
				    email character varying(200) NOT NULL,
				    joined timestamp with time zone DEFAULT now(),
				    CONSTRAINT author_pkey PRIMARY KEY (id),
				    CONSTRAINT author_email_key UNIQUE (email)
				);""");
		assertThat(tables.get(1).get("raw").asString()).isEqualTo("""
				CREATE SEQUENCE public.note_id_seq
				    AS integer
				    START WITH 1
				    INCREMENT BY 1
				    MINVALUE 1
				    MAXVALUE 2147483647
				    CACHE 1;
				CREATE TABLE public.note (
				    id integer DEFAULT nextval('note_id_seq'::regclass) NOT NULL,
				    author_id bigint NOT NULL,
				    body text DEFAULT ''::text NOT NULL,
				    words integer GENERATED ALWAYS AS (length(body)) STORED,
				    CONSTRAINT note_pkey PRIMARY KEY (id),
				    CONSTRAINT note_author_id_fkey FOREIGN KEY (author_id) REFERENCES author(id),
				    CONSTRAINT note_body_check CHECK ((length(body) < 10000))
				);
				ALTER SEQUENCE public.note_id_seq OWNED BY public.note.id;
				CREATE INDEX note_author ON public.note USING btree (author_id);""");
		assertThat(tables.get(1).get("html").asString()).startsWith("<pre>CREATE SEQUENCE public.note_id_seq")
			.contains("DEFAULT &#39;&#39;::text");
		var extra = this.api.get(branches("pg") + "/main/schema?namespace=postgres.extra").json().get("data");
		assertThat(extra).extracting((table) -> table.get("name").asString()).containsExactly("other");
		assertThat(this.api.get(branches("pg") + "/main/schema?namespace=nothing").json().get("data")).isEmpty();

		// The statements alone rebuild the tables on another branch, which then reads the
		// same.
		var devId = branch("pg", "dev");
		var devOwner = post(roles("pg", "dev"), "{\"name\": \"dev\", \"inherited_roles\": [\"postgres\"]}");
		try (var connection = postgres(devOwner, "ps_" + devId)) {
			for (var table : tables) {
				execute(connection, table.get("raw").asString());
			}
		}
		assertThat(this.api.get(branches("pg") + "/dev/schema").json().get("data")).isEqualTo(tables);
	}

	@Test
	void whenAMysqlBranchsSchemaIsReadThenItIsWhatItsDatabaseHasWithoutItsRowCounter() throws SQLException {
		var mainId = readyDatabase("my", "mysql", "PS_10");
		var admin = post(passwords("my", "main"), "{\"name\": \"admin\", \"role\": \"admin\"}");
		try (var connection = mysql(admin, "ps_" + mainId)) {
			execute(connection, "create table item (id int auto_increment primary key, name varchar(20) not null)");
			execute(connection, "insert into item (name) values ('one'), ('two')");
		}

		var read = this.api.get(branches("my") + "/main/schema");

		assertThat(read.status()).as(read.toString()).isEqualTo(200);
		var tables = read.json().get("data");
		assertThat(tables).extracting((table) -> table.get("name").asString()).containsExactly("item");
		var raw = tables.get(0).get("raw").asString();
		assertThat(raw).startsWith("CREATE TABLE `item` (")
			.contains("`name` varchar(20) NOT NULL", "PRIMARY KEY (`id`)");
		assertThat(raw).doesNotContain("AUTO_INCREMENT=");
		assertThat(this.api.get(branches("my") + "/main/schema?keyspace=my").json().get("data")).isEqualTo(tables);
		assertThat(this.api.get(branches("my") + "/main/schema?keyspace=other").status()).isEqualTo(404);
		assertThat(this.api.get(branches("my") + "/nosuch/schema").status()).isEqualTo(404);
	}

	@Test
	void whenAMysqlBranchChangesItsParentsSchemaThenItsDiffShowsWhatChanged() throws SQLException {
		var mainId = readyDatabase("my", "mysql", "PS_10");
		var mainAdmin = post(passwords("my", "main"), "{\"name\": \"admin\", \"role\": \"admin\"}");
		try (var connection = mysql(mainAdmin, "ps_" + mainId)) {
			execute(connection, "create table item (id int primary key, name varchar(20) not null)");
			execute(connection, "create table gone (id int primary key)");
		}
		var devId = branch("my", "dev");
		var devAdmin = post(passwords("my", "dev"), "{\"name\": \"admin\", \"role\": \"admin\"}");
		assertThat(this.api.get(branches("my") + "/dev/diff").json().toString()).as("a branch starts as its parent")
			.isEqualTo("{\"data\":[]}");
		try (var connection = mysql(devAdmin, "ps_" + devId)) {
			execute(connection, "alter table item add column note text");
			execute(connection, "create table added (id int primary key)");
			execute(connection, "drop table gone");
		}

		var diff = this.api.get(branches("my") + "/dev/diff");

		assertThat(diff.status()).as(diff.toString()).isEqualTo(200);
		var tables = diff.json().get("data");
		assertThat(tables).extracting((table) -> table.get("name").asString()).containsExactly("added", "gone", "item");
		assertThat(tables.get(0).get("raw").asString()).startsWith("+CREATE TABLE `added` (");
		assertThat(tables.get(1).get("raw").asString()).startsWith("-CREATE TABLE `gone` (");
		assertThat(tables.get(2).get("raw").asString()).contains("\n+  `note` text", "\n   `name` varchar(20) NOT NULL")
			.startsWith(" CREATE TABLE `item` (");
		assertThat(names(tables.get(2))).containsExactly("name", "html", "raw");
		assertThat(this.api.get(branches("my") + "/main/diff").json().get("data")).as("main has no parent").isEmpty();
		assertThat(this.api.post(branches("my") + "/dev/refresh-schema", "").status()).isEqualTo(204);
		assertThat(this.api.get(branches("my") + "/nosuch/diff").status()).isEqualTo(404);
		assertThat(this.api.post(branches("my") + "/nosuch/refresh-schema", "").status()).isEqualTo(404);
	}

	@Test
	void whenMysqlPasswordsAreCreatedThenTheyLogInToTheirBranchOnlyWithTheirRoles() throws SQLException {
		var mainId = readyDatabase("app", "mysql", "PS_10");
		var admin = post(passwords("app", "main"), "{\"name\": \"admin\", \"role\": \"admin\"}");
		var reader = post(passwords("app", "main"), "{\"name\": \"reader\", \"role\": \"reader\"}");

		try (var connection = mysql(admin, "ps_" + mainId)) {
			execute(connection, "create table note (id int primary key, body text)");
			execute(connection, "insert into note values (1, 'kept')");
			assertThat(column(connection, "select body from note")).containsExactly("kept");
		}
		try (var connection = mysql(reader, "ps_" + mainId)) {
			assertThat(column(connection, "select body from note")).containsExactly("kept");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> execute(connection, "insert into note values (2, 'written')"));
		}

		var devId = branch("app", "dev");
		var dev = post(passwords("app", "dev"), "{\"name\": \"dev\", \"role\": \"readwriter\"}");
		try (var connection = mysql(dev, "ps_" + devId)) {
			assertThat(column(connection, "select count(*) from note")).as("the parent's schema, none of its rows")
				.containsExactly("0");
		}
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> mysql(admin, "ps_" + devId).close());
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> mysql(dev, "ps_" + mainId).close());

		assertThat(this.api.delete(passwords("app", "main") + "/" + reader.get("id").asString()).status())
			.isEqualTo(204);
		settled(mainId, devId);
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> mysql(reader, "ps_" + mainId).close());
	}

	@Test
	void whenACrashLeftABranchWaitingThenTheSweepMakesItsDatabaseAndItBecomesReady() throws SQLException {
		readyDatabase("pg", "postgresql", "PS_5_AWS_X86");
		var devId = branch("pg", "dev");
		settled(devId);
		// What a crash between storing the branch and storing its tasks leaves: a waiting
		// row and no database.
		this.jdbc.execute("drop database ps_" + devId + " with (force)");
		this.jdbc.update("update planetscale_branch set provisioning = 'WAITING', "
				+ "created_at = created_at - interval '1 minute' where id = ?", devId);
		assertThat(this.api.get(branches("pg") + "/dev").json().get("state").asString()).isEqualTo("pending");

		this.provisioning.sweep();

		settled(devId);
		assertThat(this.api.get(branches("pg") + "/dev").json().get("state").asString()).isEqualTo("ready");
		assertThat(databasesNamed("ps_" + devId)).isOne();
		var role = post(roles("pg", "dev"), "{\"name\": \"after\", \"inherited_roles\": [\"postgres\"]}");
		try (var connection = postgres(role, "postgres")) {
			assertThat(column(connection, "select current_database()")).containsExactly("ps_" + devId);
		}
	}

	/**
	 * Creates a database, waits until its real database is there, and gives its default
	 * branch's id.
	 */
	private String readyDatabase(String name, String kind, String size) {
		var created = this.api.post(databases(this.organization),
				"{\"name\": \"%s\", \"kind\": \"%s\", \"cluster_size\": \"%s\"}".formatted(name, kind, size));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		PlanetScaleFixtures.ready(this.jdbc, created.json().get("id").asString());
		return this.api.get(branches(name) + "/main").json().get("id").asString();
	}

	/** Creates a branch of main and waits until it is ready; gives its id. */
	private String branch(String database, String name) {
		var created = this.api.post(branches(database), "{\"name\": \"" + name + "\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		PlanetScaleFixtures.ready(this.jdbc,
				this.jdbc.queryForObject(
						"select d.id from planetscale_database d join planetscale_organization o "
								+ "on o.id = d.organization_id where o.name = ? and d.name = ?",
						String.class, this.organization, database));
		assertThat(this.api.get(branches(database) + "/" + name).json().get("state").asString()).isEqualTo("ready");
		return created.json().get("id").asString();
	}

	private JsonNode post(String path, String body) {
		var response = this.api.post(path, body);
		assertThat(response.status()).as(response.toString()).isIn(200, 201);
		return response.json();
	}

	/** Waits until the data plane has done all it was asked for these branches. */
	private void settled(String... branchIds) {
		var deadline = Instant.now().plus(Duration.ofSeconds(60));
		var names = Arrays.stream(branchIds).map((id) -> "ps_" + id).toArray(String[]::new);
		while (this.jdbc.queryForObject(
				"select count(*) from dataplane_task where completed_at is null and database_name = any (?)",
				Long.class, (Object) names) > 0) {
			assertThat(Instant.now()).as("the data plane's work on " + List.of(names)).isBefore(deadline);
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	private long databasesNamed(String name) {
		return this.jdbc.queryForObject("select count(*) from pg_database where datname = ?", Long.class, name);
	}

	private String branches(String database) {
		return databases(this.organization) + "/" + database + "/branches";
	}

	private String roles(String database, String branch) {
		return branches(database) + "/" + branch + "/roles";
	}

	private String passwords(String database, String branch) {
		return branches(database) + "/" + branch + "/passwords";
	}

	/**
	 * A PostgreSQL connection as a role (or a reset-default answer) to {@code database}.
	 */
	private static Connection postgres(JsonNode role, String database) throws SQLException {
		return DriverManager.getConnection(
				"jdbc:postgresql://" + role.get("access_host_url").asString() + "/" + database,
				role.get("username").asString(), role.get("password").asString());
	}

	/** A MySQL connection as a password to {@code database}. */
	private static Connection mysql(JsonNode password, String database) throws SQLException {
		return DriverManager.getConnection(
				"jdbc:mariadb://" + password.get("access_host_url").asString() + "/" + database,
				password.get("username").asString(), password.get("plain_text").asString());
	}

}
