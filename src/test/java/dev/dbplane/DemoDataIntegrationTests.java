package dev.dbplane;

import org.junit.jupiter.api.Test;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dbplane.demo-data=true} seeds an account and an organization people can try at
 * once.
 */
class DemoDataIntegrationTests {

	private static final String KEY = "pat.demo.demokey.demo-secret-not-for-production";

	private static final String TOKEN = "demotoken001:pscale_tkn_demo-secret-not-for-production";

	@Test
	void whenDemoDataIsOnThenTheDocumentedCredentialsSeeExampleResourcesAndSeedingTwiceChangesNothing() {
		var db = TestDatabase.connection();
		try (var context = new SpringApplicationBuilder(DbplaneApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password(), "--dbplane.demo-data=true")) {
			// Seed a second time, as a restart would: nothing may be duplicated or fail.
			for (var runner : context.getBeansOfType(ApplicationRunner.class).values()) {
				if (runner.getClass().getSimpleName().contains("DemoData")) {
					try {
						runner.run(new DefaultApplicationArguments());
					}
					catch (Exception ex) {
						throw new AssertionError(ex);
					}
				}
			}
			var api = new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
			var schemas = api.withHeader("x-api-key", KEY).get("/v1/orgs/default/projects/demo/dbschema");
			var instances = api.withHeader("x-api-key", KEY)
				.post("/v1/orgs/default/projects/demo/dbschema/orders/instancelist", "{}");
			var databases = api.withHeader("Authorization", TOKEN).get("/v1/organizations/demo/databases");

			assertThat(schemas.status()).isEqualTo(200);
			assertThat(schemas.header("X-Total-Elements")).isEqualTo("2");
			assertThat(instances.json()).hasSize(2);
			assertThat(databases.status()).isEqualTo(200);
			assertThat(databases.json().get("total_count").asInt()).isEqualTo(3);
		}
	}

}
