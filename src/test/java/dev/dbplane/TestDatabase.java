package dev.dbplane;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real PostgreSQL every test runs on, chosen once per test JVM: a Testcontainers
 * PostgreSQL when a Docker engine is available, otherwise the server named by
 * {@code TEST_DB_URL} (with {@code TEST_DB_USER} and {@code TEST_DB_PASSWORD}), otherwise
 * an embedded PostgreSQL.
 */
public final class TestDatabase {

	private static Connection connection;

	private TestDatabase() {
	}

	public static void register(DynamicPropertyRegistry registry) {
		var db = connection();
		registry.add("spring.datasource.url", db::url);
		registry.add("spring.datasource.username", db::username);
		registry.add("spring.datasource.password", db::password);
	}

	public static synchronized Connection connection() {
		if (connection == null) {
			connection = start();
		}
		return connection;
	}

	private static Connection start() {
		if (!"true".equalsIgnoreCase(System.getenv("TEST_DB_SKIP_DOCKER")) && dockerAvailable()) {
			var container = new PostgreSQLContainer("postgres:17-alpine");
			container.start();
			return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
					"Testcontainers");
		}
		var url = env("TEST_DB_URL");
		if (url != null) {
			return new Connection(url, envOr("TEST_DB_USER", "postgres"), envOr("TEST_DB_PASSWORD", ""), "TEST_DB_URL");
		}
		try {
			var dataDirectory = Files.createTempDirectory("dbplane-test-postgres");
			var postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// the JVM is going away; nothing left to do
				}
			}));
			// Passwords required, as the application's own embedded server does: a fresh
			// cluster trusts everyone, and the data plane's tests check that a wrong
			// password is refused.
			var password = UUID.randomUUID().toString();
			try (var connection = postgres.getPostgresDatabase().getConnection();
					var statement = connection.createStatement()) {
				statement.execute("alter role postgres password '" + password + "'");
				Files.writeString(dataDirectory.resolve("pg_hba.conf"), """
						local all all scram-sha-256
						host all all 127.0.0.1/32 scram-sha-256
						host all all ::1/128 scram-sha-256
						""");
				statement.execute("select pg_reload_conf()");
			}
			return new Connection("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres",
					password, "embedded");
		}
		catch (IOException | SQLException ex) {
			throw new IllegalStateException("Could not start the embedded PostgreSQL", ex);
		}
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String env(String name) {
		var value = System.getenv(name);
		return (value == null || value.isBlank()) ? null : value;
	}

	private static String envOr(String name, String fallback) {
		var value = env(name);
		return (value != null) ? value : fallback;
	}

	public record Connection(String url, String username, String password, String source) {
	}

}
