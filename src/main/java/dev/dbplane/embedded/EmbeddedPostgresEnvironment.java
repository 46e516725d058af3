package dev.dbplane.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HexFormat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL when no datasource is configured, so that
 * {@code ./mvnw spring-boot:run} works on a fresh machine. Its data folder survives
 * restarts.
 * <p>
 * It answers {@code spring.datasource.url} with the lowest precedence, and starts the
 * server only when that question reaches it: a URL from the environment, the command
 * line, a test's dynamic properties or a connection-details bean means it never starts.
 * Being part of the environment rather than a conditional configuration, the choice is
 * also made at start-up when bean definitions were generated ahead of time (README: fast
 * start-up).
 * <p>
 * The server also serves the data plane (real databases behind PlanetScale branches)
 * unless {@code dbplane.dataplane.postgresql.url} names another, through a role that may
 * create databases and roles but is not a superuser. Every login needs its password.
 */
class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

	static final String URL = "spring.datasource.url";

	static final String PASSWORD = "spring.datasource.password";

	static final String DATA_PLANE_URL = "dbplane.dataplane.postgresql.url";

	static final String DATA_PLANE_USERNAME = "dbplane.dataplane.postgresql.username";

	static final String DATA_PLANE_PASSWORD = "dbplane.dataplane.postgresql.password";

	/**
	 * The data plane's administrative role: creates databases and roles, nothing more.
	 */
	static final String DATA_PLANE_ROLE = "dbplane_dataplane";

	static final String SUPERUSER_PASSWORD_FILE = "dbplane-superuser.password";

	// Every connection proves its password, so branch credentials mean something and no
	// one on this machine logs in as the superuser without the file only dbplane reads.
	static final String HBA = """
			# Written by dbplane at every start (embedded PostgreSQL): passwords for everyone.
			local all all scram-sha-256
			host all all 127.0.0.1/32 scram-sha-256
			host all all ::1/128 scram-sha-256
			""";

	// Logging is set up after the environment: lines are kept until then.
	private final Log log;

	EmbeddedPostgresEnvironment(DeferredLogFactory logs) {
		this.log = logs.getLog(EmbeddedPostgresEnvironment.class);
	}

	@Override
	public int getOrder() {
		// After application.properties, the environment and the command line are read.
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty(URL)) || Boolean.getBoolean("spring.aot.processing")) {
			return;
		}
		var properties = Binder.get(environment).bindOrCreate("dbplane.embedded", EmbeddedPostgresProperties.class);
		var server = new OnDemand(properties, environment, this.log);
		environment.getPropertySources().addLast(server);
		environment.getPropertySources().addFirst(new SuperuserPassword(server));
		application.addInitializers((context) -> context
			.addApplicationListener((ApplicationListener<ContextClosedEvent>) (event) -> server.close()));
	}

	/**
	 * The superuser's password ahead of every other source, while the embedded server's
	 * URL is the one in use: a {@code SPRING_DATASOURCE_PASSWORD} meant for another
	 * server must not lock dbplane out of its own.
	 */
	static final class SuperuserPassword extends PropertySource<OnDemand> {

		SuperuserPassword(OnDemand server) {
			super("embeddedPostgresSuperuserPassword", server);
		}

		@Override
		public Object getProperty(String name) {
			return PASSWORD.equals(name) ? getSource().getProperty(PASSWORD) : null;
		}

	}

	/**
	 * {@code spring.datasource.url} of a server started the first time it is asked for.
	 */
	static final class OnDemand extends PropertySource<EmbeddedPostgresProperties> {

		private static final SecureRandom RANDOM = new SecureRandom();

		private final Log log;

		private final ConfigurableEnvironment environment;

		private EmbeddedPostgres postgres;

		private String superuserPassword;

		private String dataPlanePassword;

		private RuntimeException failure;

		OnDemand(EmbeddedPostgresProperties properties, ConfigurableEnvironment environment, Log log) {
			super("embeddedPostgres", properties);
			this.environment = environment;
			this.log = log;
		}

		@Override
		public Object getProperty(String name) {
			// The user is part of the URL. The rest is answered only where this server is
			// the one in use: a password asked first must not start it for someone else's
			// URL.
			return switch (name) {
				case URL -> started().postgres.getJdbcUrl("postgres", "postgres");
				case PASSWORD -> answeredElsewhere(URL) ? null : started().superuserPassword;
				case DATA_PLANE_URL -> answeredElsewhere(DATA_PLANE_URL) ? null
						: started().postgres.getJdbcUrl("postgres", "postgres").replace("?user=postgres", "");
				case DATA_PLANE_USERNAME -> answeredElsewhere(DATA_PLANE_URL) ? null : DATA_PLANE_ROLE;
				case DATA_PLANE_PASSWORD -> answeredElsewhere(DATA_PLANE_URL) ? null : started().dataPlanePassword;
				default -> null;
			};
		}

		private boolean answeredElsewhere(String name) {
			for (var source : this.environment.getPropertySources()) {
				// The attached view of every source (ConfigurationPropertySources) would
				// ask
				// this one again.
				if (source == this || source instanceof SuperuserPassword
						|| source.getName().equals("configurationProperties")) {
					continue;
				}
				var value = source.getProperty(name);
				if (value != null && StringUtils.hasText(value.toString())) {
					return true;
				}
			}
			return false;
		}

		private synchronized OnDemand started() {
			if (this.failure != null) {
				throw this.failure;
			}
			if (this.postgres == null) {
				try {
					start();
				}
				catch (RuntimeException ex) {
					// Whoever asked for the URL may take a failure for "no URL" and
					// report
					// a missing datasource: the reason is logged, and every later
					// question gets the same failure.
					this.failure = ex;
					this.log.error(reason(ex));
					throw ex;
				}
			}
			return this;
		}

		private static String reason(RuntimeException ex) {
			var cause = ex.getCause();
			return (cause != null && cause.getMessage() != null) ? ex.getMessage() + ": " + cause.getMessage()
					: ex.getMessage();
		}

		private void start() {
			var dataDir = getSource().dataDir().toAbsolutePath();
			try {
				Files.createDirectories(dataDir);
				var passwordFile = dataDir.resolve(SUPERUSER_PASSWORD_FILE);
				this.superuserPassword = Files.exists(passwordFile) ? Files.readString(passwordFile).strip() : secret();
				var builder = EmbeddedPostgres.builder()
					.setDataDirectory(dataDir)
					.setCleanDataDirectory(false)
					.setPgBinaryResolver(PostgresBinaries.forThisMachine(getSource()))
					.setConnectConfig("password", this.superuserPassword);
				if (getSource().port() > 0) {
					builder.setPort(getSource().port());
				}
				this.postgres = builder.start();
				secure(dataDir, passwordFile);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, ex);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not secure the embedded PostgreSQL in " + dataDir, ex);
			}
			this.log.info("Embedded PostgreSQL listening on 127.0.0.1:" + this.postgres.getPort() + " with data in "
					+ dataDir);
		}

		/**
		 * Passwords for every login (a fresh cluster trusts everyone), and the data
		 * plane's own administrative role with a new password each start.
		 */
		private void secure(Path dataDir, Path passwordFile) throws IOException, SQLException {
			this.dataPlanePassword = secret();
			try (var connection = this.postgres.getPostgresDatabase().getConnection();
					var statement = connection.createStatement()) {
				statement.execute("alter role postgres password '" + this.superuserPassword + "'");
				if (!Files.exists(passwordFile)) {
					Files.writeString(passwordFile, this.superuserPassword);
					Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
				}
				statement.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '"
						+ DATA_PLANE_ROLE + "') then create role " + DATA_PLANE_ROLE + "; end if; end $$");
				statement.execute("alter role " + DATA_PLANE_ROLE + " login createdb createrole nosuperuser password '"
						+ this.dataPlanePassword + "'");
				// Branch logins connect to their own databases only.
				statement.execute("revoke connect, temporary on database postgres from public");
				statement.execute("revoke connect, temporary on database template1 from public");
				statement.execute("grant connect on database postgres to " + DATA_PLANE_ROLE);
				var hba = dataDir.resolve("pg_hba.conf");
				if (!HBA.equals(Files.readString(hba))) {
					Files.writeString(hba, HBA);
					statement.execute("select pg_reload_conf()");
				}
			}
		}

		private static String secret() {
			var bytes = new byte[24];
			RANDOM.nextBytes(bytes);
			return HexFormat.of().formatHex(bytes);
		}

		synchronized boolean isRunning() {
			return this.postgres != null;
		}

		synchronized void close() {
			if (this.postgres == null) {
				return;
			}
			try {
				this.postgres.close();
			}
			catch (IOException ex) {
				this.log.warn("Could not stop the embedded PostgreSQL cleanly: " + ex);
			}
			this.postgres = null;
		}

	}

}
