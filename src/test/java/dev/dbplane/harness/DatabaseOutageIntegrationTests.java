package dev.dbplane.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.dbplane.Api;
import dev.dbplane.DbplaneApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static dev.dbplane.Json.names;
import static dev.dbplane.harness.HarnessFixtures.instance;
import static dev.dbplane.harness.HarnessFixtures.repositorySchema;
import static dev.dbplane.harness.HarnessFixtures.schemaPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * PostgreSQL goes away under a running dbplane and comes back on the same port with the
 * same data: meanwhile every request is a 503 in its family's shape (Harness and
 * PlanetScale) and readiness is DOWN; afterwards dbplane serves again without a restart
 * and everything acknowledged before is still there. The test runs its own PostgreSQL, so
 * it can stop it.
 */
class DatabaseOutageIntegrationTests {

	@TempDir
	Path dataDir;

	private static final String KEY = "pat.outage.outagekey.outage-secret-value";

	private static final String TOKEN_ID = "outagetoken1";

	private static final String TOKEN = "pscale_tkn_outage-secret-value";

	private static final String DATABASES = "/v1/organizations/outage-org/databases";

	private EmbeddedPostgres postgres;

	private ConfigurableApplicationContext app;

	@AfterEach
	void stop() throws IOException {
		if (this.app != null) {
			this.app.close();
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	private Api client() {
		return new Api(Integer.parseInt(this.app.getEnvironment().getRequiredProperty("local.server.port")))
			.withHeader("x-api-key", KEY);
	}

	private Api planetscale() {
		return new Api(Integer.parseInt(this.app.getEnvironment().getRequiredProperty("local.server.port")))
			.withHeader("Authorization", TOKEN_ID + ":" + TOKEN);
	}

	@Test
	void whenPostgresIsDownThenRequestsGet503AndReadinessIsDownAndWhenItReturnsNothingIsLost() throws Exception {
		this.postgres = startPostgres(0);
		var port = this.postgres.getPort();
		this.app = new SpringApplicationBuilder(DbplaneApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + this.postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--dbplane.security.harness-api-key=" + KEY,
				"--dbplane.planetscale.organizations[0].name=outage-org",
				"--dbplane.planetscale.organizations[0].service-token-id=" + TOKEN_ID,
				"--dbplane.planetscale.organizations[0].service-token=" + TOKEN,
				// ready at once, so a re-read compares equal to the acknowledgement
				"--dbplane.planetscale.provisioning-delay=0s");
		var schemas = schemaPath("org", "proj");
		var acknowledged = new LinkedHashMap<String, Api.Response>();
		for (int i = 0; i < 5; i++) {
			acknowledged.put(schemas + "/s" + i, created(client().post(schemas, repositorySchema("s" + i))));
			acknowledged.put(schemas + "/s" + i + "/instance/i",
					created(client().post(schemas + "/s" + i + "/instance", instance("i"))));
			acknowledged.put(DATABASES + "/db-" + i, created(
					planetscale().post(DATABASES, "{\"name\": \"db-" + i + "\", \"cluster_size\": \"PS_10\"}")));
		}
		assertThat(client().get("/actuator/health/readiness").status()).isEqualTo(200);

		this.postgres.close();
		var calls = new ArrayList<>(List.<Callable<Api.Response>>of(() -> client().get(schemas + "/s0"),
				() -> client().get(schemas), () -> client().post(schemas, repositorySchema("during")),
				() -> client().put(schemas + "/s1", "{\"name\": \"during\"}"), () -> client().delete(schemas + "/s2"),
				() -> client().post(schemas + "/s3/instancelist", null),
				() -> client().delete(schemas + "/s4/instance/i")));
		// More instance creates than inserts run at a time: the others wait for those and
		// get the same 503.
		for (int i = 0; i < 6; i++) {
			var identifier = "during_" + i;
			calls.add(() -> client().post(schemas + "/s0/instance", instance(identifier)));
		}
		var during = inParallel(calls);
		var planetscaleDuring = inParallel(
				List.of(() -> planetscale().get(DATABASES + "/db-0"), () -> planetscale().get(DATABASES + "?q=db"),
						() -> planetscale().post(DATABASES, "{\"name\": \"during\", \"cluster_size\": \"PS_10\"}"),
						() -> planetscale().patch(DATABASES + "/db-1", "{\"migration_table_name\": \"during\"}"),
						() -> planetscale().delete(DATABASES + "/db-2"),
						() -> planetscale().get("/v1/organizations/outage-org/cluster-size-skus"),
						() -> planetscale().get("/v1/organizations")));
		var readiness = client().get("/actuator/health/readiness");
		var liveness = client().get("/actuator/health/liveness");

		assertThat(during).allSatisfy((response) -> {
			assertThat(response.status()).as(response.toString()).isEqualTo(503);
			assertThat(response.contentType()).startsWith("application/json");
			assertThat(names(response.json())).containsExactly("message");
			assertThat(response.json().get("message").asString()).isEqualTo("The database is unavailable; retry later");
		});
		assertThat(planetscaleDuring).allSatisfy((response) -> {
			assertThat(response.status()).as(response.toString()).isEqualTo(503);
			assertThat(response.contentType()).startsWith("application/json");
			assertThat(names(response.json())).containsExactly("code", "message");
			assertThat(response.json().get("code").asString()).isEqualTo("service_unavailable");
			assertThat(response.json().get("message").asString()).isEqualTo("The database is unavailable; retry later");
		});
		assertThat(readiness.status()).isEqualTo(503);
		assertThat(readiness.json().get("status").asString()).isEqualTo("DOWN");
		assertThat(liveness.status()).isEqualTo(200);

		this.postgres = startPostgres(port);
		awaitReady();

		for (var entry : acknowledged.entrySet()) {
			var read = (entry.getKey().startsWith("/v1/organizations") ? planetscale() : client()).get(entry.getKey());
			assertThat(read.status()).as(entry.getKey()).isEqualTo(200);
			assertThat(withoutInstanceCount(read)).isEqualTo(withoutInstanceCount(entry.getValue()));
		}
		assertThat(client().get(schemas + "/during").status()).isEqualTo(404);
		assertThat(client().get(schemas).header("X-Total-Elements")).isEqualTo("5");
		assertThat(client().post(schemas, repositorySchema("after")).status()).isEqualTo(201);
		assertThat(planetscale().get(DATABASES + "/during").status()).isEqualTo(404);
		assertThat(planetscale().get(DATABASES).json().get("total_count").asInt()).isEqualTo(5);
		assertThat(planetscale().post(DATABASES, "{\"name\": \"after\", \"cluster_size\": \"PS_10\"}").status())
			.isEqualTo(201);
	}

	private EmbeddedPostgres startPostgres(int port) throws IOException {
		var builder = EmbeddedPostgres.builder()
			.setDataDirectory(this.dataDir)
			.setCleanDataDirectory(false)
			.setPGStartupWait(Duration.ofSeconds(60));
		return (port > 0) ? builder.setPort(port).start() : builder.start();
	}

	/** Readiness is polled, not timed: the pool reconnects on its own schedule. */
	private void awaitReady() throws InterruptedException {
		var started = System.nanoTime();
		var deadline = started + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < deadline) {
			if (client().get("/actuator/health/readiness").status() == 200) {
				System.out.printf("Outage: ready again %d ms after PostgreSQL was back%n",
						TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
				return;
			}
			Thread.sleep(200);
		}
		fail("dbplane never became ready again after PostgreSQL returned");
	}

	private static List<Api.Response> inParallel(List<Callable<Api.Response>> calls) throws Exception {
		var executor = Executors.newFixedThreadPool(calls.size());
		try {
			var started = System.nanoTime();
			var responses = new ArrayList<Api.Response>();
			for (var future : executor.invokeAll(calls)) {
				responses.add(future.get());
			}
			// Reported, not asserted: the README quotes it.
			System.out.printf("Outage: %d requests answered in %d ms%n", calls.size(),
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
			return responses;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static Api.Response created(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response;
	}

	private static ObjectNode withoutInstanceCount(Api.Response response) {
		var json = (ObjectNode) response.json();
		json.remove("instanceCount");
		return json;
	}

}
