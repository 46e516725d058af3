package dev.dbplane.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

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
 */
class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

	static final String URL = "spring.datasource.url";

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
		var server = new OnDemand(properties, this.log);
		environment.getPropertySources().addLast(server);
		application.addInitializers((context) -> context
			.addApplicationListener((ApplicationListener<ContextClosedEvent>) (event) -> server.close()));
	}

	/**
	 * {@code spring.datasource.url} of a server started the first time it is asked for.
	 */
	static final class OnDemand extends PropertySource<EmbeddedPostgresProperties> {

		private final Log log;

		private EmbeddedPostgres postgres;

		OnDemand(EmbeddedPostgresProperties properties, Log log) {
			super("embeddedPostgres", properties);
			this.log = log;
		}

		@Override
		public Object getProperty(String name) {
			// The user is part of the URL, so nothing else needs answering.
			return URL.equals(name) ? started().getJdbcUrl("postgres", "postgres") : null;
		}

		private synchronized EmbeddedPostgres started() {
			if (this.postgres == null) {
				var dataDir = getSource().dataDir().toAbsolutePath();
				try {
					Files.createDirectories(dataDir);
					var builder = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false);
					if (getSource().port() > 0) {
						builder.setPort(getSource().port());
					}
					this.postgres = builder.start();
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, ex);
				}
				this.log.info("Embedded PostgreSQL listening on 127.0.0.1:" + this.postgres.getPort() + " with data in "
						+ dataDir);
			}
			return this.postgres;
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
