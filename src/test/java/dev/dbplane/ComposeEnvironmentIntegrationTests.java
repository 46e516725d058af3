package dev.dbplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of {@code docker compose up} without a Docker engine: the compose
 * file parses and wires PostgreSQL and dbplane together, the image runs as a non-root
 * user with a health check, and the application starts with the compose environment
 * (pointed at the test PostgreSQL instead of the {@code postgres} service) and accepts
 * the compose credentials.
 */
class ComposeEnvironmentIntegrationTests {

	private static final Pattern DEFAULTED = Pattern.compile("^\\$\\{[A-Z0-9_]+:-(.*)}$");

	@Test
	void whenReadingTheComposeFileThenPostgresAndDbplaneAreWiredWithHealthChecks() throws IOException {
		var compose = new YAMLMapper().readTree(Path.of("docker-compose.yml").toFile());
		var postgres = compose.get("services").get("postgres");
		var dbplane = compose.get("services").get("dbplane");

		assertThat(postgres.get("healthcheck").get("test").toString()).contains("pg_isready");
		assertThat(postgres.get("volumes").get(0).asText()).startsWith("pgdata:");
		assertThat(dbplane.get("depends_on").get("postgres").get("condition").asText()).isEqualTo("service_healthy");
		assertThat(dbplane.get("environment").get("SPRING_DATASOURCE_URL").asText())
			.isEqualTo("jdbc:postgresql://postgres:5432/dbplane");
		var dockerfile = Files.readString(Path.of("Dockerfile"));
		assertThat(dockerfile).contains("USER 10001").contains("HEALTHCHECK").contains("AS build");
	}

	@Test
	void whenStartingWithTheComposeEnvironmentThenTheDeclaredCredentialWorks() throws IOException {
		var environment = composeEnvironment();
		var database = TestDatabase.connection();
		environment.put("SPRING_DATASOURCE_URL", database.url());
		environment.put("SPRING_DATASOURCE_USERNAME", database.username());
		environment.put("SPRING_DATASOURCE_PASSWORD", database.password());
		environment.put("SERVER_PORT", "0");
		environment.put("DBPLANE_DATAPLANE_PROXY_PORT", "0");

		// Present before start-up, as real environment variables are.
		var standard = new StandardEnvironment();
		standard.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("compose-systemEnvironment", new HashMap<>(environment)));
		var application = new SpringApplicationBuilder(DbplaneApplication.class).environment(standard);
		try (var context = application.run()) {
			var api = new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")))
				.withHeader("x-api-key", (String) environment.get("DBPLANE_SECURITY_HARNESS_API_KEY"));

			assertThat(api.get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
			assertThat(api.get("/v1/orgs/default/projects/compose/dbschema").status()).isEqualTo(200);
			var token = environment.get("DBPLANE_PLANETSCALE_ORGANIZATIONS_0_SERVICE_TOKEN_ID") + ":"
					+ environment.get("DBPLANE_PLANETSCALE_ORGANIZATIONS_0_SERVICE_TOKEN");
			assertThat(api.withHeader("Authorization", token).get("/v1/organizations/dbplane/databases").status())
				.isEqualTo(200);
		}
	}

	private static Map<String, Object> composeEnvironment() throws IOException {
		var compose = new YAMLMapper().readTree(Path.of("docker-compose.yml").toFile());
		JsonNode environment = compose.get("services").get("dbplane").get("environment");
		var values = new HashMap<String, Object>();
		environment.properties().forEach((entry) -> {
			var value = entry.getValue().asText();
			var defaulted = DEFAULTED.matcher(value);
			values.put(entry.getKey(), defaulted.matches() ? defaulted.group(1) : value);
		});
		return values;
	}

}
