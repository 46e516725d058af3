package dev.dbplane.dataplane;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.dbplane.TestDatabase;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The data-plane servers tests run on. PostgreSQL: the test database's server, through an
 * administrative role that is not a superuser (the test role itself when it is not one,
 * which is how CI runs). MySQL: {@code TEST_MYSQL_URL} ({@code TEST_MYSQL_USER},
 * {@code TEST_MYSQL_PASSWORD}) when set, otherwise a MariaDB of its own started from this
 * machine's {@code mariadbd} (Debian's {@code mariadb-server}); none when neither is
 * there.
 */
public final class TestDataPlane {

	private static DataPlaneProperties.Server postgres;

	private static DataPlaneProperties.Server mysql;

	private static boolean mysqlLookedFor;

	private TestDataPlane() {
	}

	/** Both servers as dbplane's configuration. */
	public static void register(DynamicPropertyRegistry registry) {
		var pg = postgres();
		registry.add("dbplane.dataplane.postgresql.url", pg::url);
		registry.add("dbplane.dataplane.postgresql.username", pg::username);
		registry.add("dbplane.dataplane.postgresql.password", pg::password);
		var my = mysql();
		if (my != null) {
			registry.add("dbplane.dataplane.mysql.url", my::url);
			registry.add("dbplane.dataplane.mysql.username", my::username);
			registry.add("dbplane.dataplane.mysql.password", my::password);
		}
	}

	static synchronized DataPlaneProperties.Server postgres() {
		if (postgres == null) {
			var db = TestDatabase.connection();
			try (var connection = DriverManager.getConnection(db.url(), db.username(), db.password());
					var statement = connection.createStatement();
					var rows = statement.executeQuery(
							"select rolsuper, rolcreaterole, rolcreatedb from pg_roles where rolname = current_user")) {
				rows.next();
				if (!rows.getBoolean(1)) {
					if (!rows.getBoolean(2) || !rows.getBoolean(3)) {
						throw new IllegalStateException("The test role " + db.username()
								+ " needs CREATEDB and CREATEROLE to serve the data plane (ALTER ROLE " + db.username()
								+ " CREATEDB CREATEROLE)");
					}
					postgres = new DataPlaneProperties.Server(db.url(), db.username(), db.password(), null, null);
				}
				else {
					// A superuser's test server (embedded, Testcontainers): a role like
					// the
					// one production is told to use.
					var password = DataPlaneNames.random(24);
					statement.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = "
							+ "'dbplane_test_dataplane') then create role dbplane_test_dataplane login; end if; end $$");
					statement
						.execute("alter role dbplane_test_dataplane login createdb createrole nosuperuser password '"
								+ password + "'");
					// The database it connects to, as README tells operators (the
					// embedded
					// server grants CONNECT to no one by default).
					statement
						.execute("do $$ begin execute format('grant connect on database %I to dbplane_test_dataplane', "
								+ "current_database()); end $$");
					postgres = new DataPlaneProperties.Server(db.url(), "dbplane_test_dataplane", password, null, null);
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not prepare the PostgreSQL data plane", ex);
			}
		}
		return postgres;
	}

	/** The MySQL-kind server, or {@code null} when this machine has none. */
	static synchronized DataPlaneProperties.Server mysql() {
		if (!mysqlLookedFor) {
			mysqlLookedFor = true;
			var url = System.getenv("TEST_MYSQL_URL");
			if (url != null && !url.isBlank()) {
				mysql = new DataPlaneProperties.Server(url, envOr("TEST_MYSQL_USER", "root"),
						envOr("TEST_MYSQL_PASSWORD", ""), null, null);
			}
			else {
				var binary = List.of(Path.of("/usr/sbin/mariadbd"), Path.of("/usr/sbin/mysqld"))
					.stream()
					.filter(Files::isExecutable)
					.findFirst();
				if (binary.isPresent()) {
					mysql = LocalMariaDb.start(binary.get());
				}
			}
		}
		return mysql;
	}

	private static String envOr(String name, String fallback) {
		var value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	/** A MariaDB in a temporary folder on a free port, stopped with the JVM. */
	static final class LocalMariaDb {

		static DataPlaneProperties.Server start(Path mariadbd) {
			try {
				var dir = Files.createTempDirectory("dbplane-mariadb");
				var data = dir.resolve("data");
				var socket = dir.resolve("mysqld.sock");
				run(List.of("mariadb-install-db", "--no-defaults", "--user=" + user(), "--datadir=" + data,
						"--auth-root-authentication-method=socket", "--skip-test-db"), dir);
				int port;
				try (var free = new ServerSocket(0)) {
					port = free.getLocalPort();
				}
				var server = new ProcessBuilder(mariadbd.toString(), "--no-defaults", "--user=" + user(),
						"--datadir=" + data, "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + socket,
						"--skip-name-resolve", "--log-error=" + dir.resolve("error.log"))
					.redirectErrorStream(true)
					.redirectOutput(dir.resolve("stdout.log").toFile())
					.start();
				Runtime.getRuntime().addShutdownHook(new Thread(server::destroy));
				for (int i = 0; i < 300 && !Files.exists(socket); i++) {
					if (!server.isAlive()) {
						throw new IllegalStateException("mariadbd exited: see " + dir.resolve("error.log"));
					}
					Thread.sleep(100);
				}
				var password = DataPlaneNames.random(24);
				// What README tells an operator to run: account management, and every
				// privilege on branch databases only.
				run(List.of("mariadb", "--no-defaults", "--socket=" + socket, "-uroot", "-e",
						"create user 'dbplane'@'%' identified by '" + password + "';"
								+ " grant create user on *.* to 'dbplane'@'%';"
								+ " grant all privileges on `ps\\_%`.* to 'dbplane'@'%' with grant option;"),
						dir);
				return new DataPlaneProperties.Server("jdbc:mariadb://127.0.0.1:" + port + "/", "dbplane", password,
						null, null);
			}
			catch (IOException ex) {
				throw new IllegalStateException("Could not start a MariaDB for the tests", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		private static String user() {
			return System.getProperty("user.name");
		}

		private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
			var output = dir.resolve("setup.log").toFile();
			var process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
				.redirectOutput(java.lang.ProcessBuilder.Redirect.appendTo(output))
				.start();
			if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(command.get(0) + " failed: see " + output);
			}
		}

	}

}
