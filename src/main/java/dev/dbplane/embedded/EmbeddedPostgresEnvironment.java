package dev.dbplane.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

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
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL when no datasource is configured, so that
 * {@code ./mvnw spring-boot:run} works on a fresh machine, and hands its address to the
 * usual {@code spring.datasource.*} properties. Its data folder survives restarts; with
 * {@code spring.datasource.url} set (for example through {@code SPRING_DATASOURCE_URL})
 * none of this runs.
 * <p>
 * It runs while the environment is prepared rather than as a conditional configuration,
 * so the choice is made when dbplane starts even when its bean definitions were generated
 * ahead of time (README: fast start-up).
 */
class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

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
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
				|| Boolean.getBoolean("spring.aot.processing")) {
			return;
		}
		var properties = Binder.get(environment).bindOrCreate("dbplane.embedded", EmbeddedPostgresProperties.class);
		var postgres = start(properties);
		environment.getPropertySources()
			.addLast(new MapPropertySource("embeddedPostgres", Map.of("spring.datasource.url",
					postgres.getJdbcUrl("postgres", "postgres"), "spring.datasource.username", "postgres")));
		application.addInitializers((context) -> context
			.addApplicationListener((ApplicationListener<ContextClosedEvent>) (event) -> close(postgres)));
	}

	private EmbeddedPostgres start(EmbeddedPostgresProperties properties) {
		var dataDir = properties.dataDir().toAbsolutePath();
		try {
			Files.createDirectories(dataDir);
			var builder = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false);
			if (properties.port() > 0) {
				builder.setPort(properties.port());
			}
			var postgres = builder.start();
			this.log
				.info("Embedded PostgreSQL listening on 127.0.0.1:" + postgres.getPort() + " with data in " + dataDir);
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, ex);
		}
	}

	private void close(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			this.log.warn("Could not stop the embedded PostgreSQL cleanly: " + ex);
		}
	}

}
