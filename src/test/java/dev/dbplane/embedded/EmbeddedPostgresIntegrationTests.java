package dev.dbplane.embedded;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.dbplane.Api;
import dev.dbplane.DbplaneApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code ./mvnw spring-boot:run} does on a fresh machine: no datasource configured,
 * so dbplane starts its own PostgreSQL, and what it stored is still there after a
 * restart.
 */
class EmbeddedPostgresIntegrationTests {

	private static final String KEY = "pat.demo.bootstrapkey.s3cr3tvalue";

	@TempDir
	Path dataDir;

	@Test
	void whenNoDatasourceIsConfiguredThenDataSurvivesARestart() {
		var schemas = "/v1/orgs/default/projects/demo/dbschema";
		String created;
		try (var first = start()) {
			var api = api(first);
			api.post(schemas, """
					{"identifier": "kept", "name": "Kept", "changelog": {"connector": "c", "location": "l"}}
					""");
			var response = api.post(schemas + "/kept/instance", """
					{"identifier": "inst", "name": "Instance", "connector": "pg", "branch": "main"}
					""");
			assertThat(response.status()).isEqualTo(201);
			created = response.body();
		}
		assertThat(Files.exists(this.dataDir.resolve("PG_VERSION"))).isTrue();

		try (var second = start()) {
			var response = api(second).get(schemas + "/kept/instance/inst");

			assertThat(response.status()).isEqualTo(200);
			assertThat(response.json()).isEqualTo(Api.parse(created));
		}
	}

	private ConfigurableApplicationContext start() {
		// Arguments, not default properties: application.properties' port would win over
		// those.
		return new SpringApplicationBuilder(DbplaneApplication.class).run("--server.port=0",
				"--dbplane.embedded.data-dir=" + this.dataDir, "--dbplane.security.harness-api-key=" + KEY);
	}

	private static Api api(ConfigurableApplicationContext context) {
		return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")))
			.withHeader("x-api-key", KEY);
	}

}
