package dev.dbplane.embedded;

import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL starts only when nothing else answers
 * {@code spring.datasource.url}, even when the answer arrives after the environment was
 * prepared (a test's dynamic properties, an initializer).
 */
class EmbeddedPostgresEnvironmentUnitTests {

	@TempDir
	Path dataDir;

	@Test
	void whenAUrlArrivesAfterTheEnvironmentWasPreparedThenNoServerStarts() {
		var environment = new StandardEnvironment();
		var onDemand = new EmbeddedPostgresEnvironment.OnDemand(
				new EmbeddedPostgresProperties(this.dataDir, 0, null, null), environment,
				LogFactory.getLog(getClass()));
		environment.getPropertySources().addLast(onDemand);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("late", Map.of("spring.datasource.url", "jdbc:postgresql://db:5432/x")));

		assertThat(Binder.get(environment).bind("spring.datasource.url", String.class).get())
			.isEqualTo("jdbc:postgresql://db:5432/x");
		assertThat(environment.getProperty("spring.datasource.username")).isNull();
		assertThat(environment.getProperty("spring.datasource.password")).isNull();
		assertThat(onDemand.isRunning()).isFalse();
	}

}
