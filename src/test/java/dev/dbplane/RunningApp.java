package dev.dbplane;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole application on a random port against the test PostgreSQL, started once per
 * test JVM for tests that run outside Spring's test context (jqwik properties). Spring
 * closes it when the JVM exits.
 */
public final class RunningApp {

	private static ConfigurableApplicationContext context;

	private RunningApp() {
	}

	public static synchronized ConfigurableApplicationContext context() {
		if (context == null) {
			var db = TestDatabase.connection();
			// Arguments, not default properties: application.properties would win over
			// those.
			context = new SpringApplicationBuilder(DbplaneApplication.class).run("--server.port=0",
					"--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
					"--spring.datasource.password=" + db.password());
		}
		return context;
	}

	public static int port() {
		return Integer.parseInt(context().getEnvironment().getRequiredProperty("local.server.port"));
	}

	/** A new API key of {@code account}, allowed to read, write and delete. */
	public static String harnessKey(String account) {
		return context().getBean(dev.dbplane.security.HarnessApiKeys.class)
			.issue(account, "pat", "test",
					java.util.EnumSet.of(dev.dbplane.security.HarnessPermission.view,
							dev.dbplane.security.HarnessPermission.edit, dev.dbplane.security.HarnessPermission.delete))
			.key();
	}

	public static JdbcTemplate jdbc() {
		return context().getBean(JdbcTemplate.class);
	}

}
