package dev.dbplane.planetscale;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.dbplane.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.dbplane.planetscale.PlanetScaleFixtures.databases;
import static dev.dbplane.planetscale.PlanetScaleFixtures.mysql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Keeps bench/ from rotting: each wrk script of the benchmark runs for a second against
 * this test server and every request it sends must succeed. {@code .ci/run} installs wrk,
 * so CI always runs it; where wrk is missing the test says so and is skipped.
 */
class BenchScriptsIntegrationTests extends IntegrationTest {

	private static final List<String> SCRIPTS = List.of("harness-create-instance", "harness-get-instance",
			"planetscale-create-database", "planetscale-get-database");

	@Autowired
	private Organizations organizations;

	@Test
	void whenEachBenchScriptRunsThenEveryRequestSucceeds() throws Exception {
		assumeTrue(wrkInstalled(), "wrk is not installed (apt-get install wrk; .ci/run does)");
		var account = unique("bench");
		var harness = harnessApi(account);
		var harnessKey = harness.requestHeader("x-api-key");
		assertThat(harness.post("/v1/orgs/bench/projects/bench/dbschema", """
				{"identifier": "bench_schema", "name": "Bench", "changelog": {"connector": "c", "location": "l"}}
				""").status()).isEqualTo(201);
		assertThat(harness.post("/v1/orgs/bench/projects/bench/dbschema/bench_schema/instance", """
				{"identifier": "bench_instance", "name": "Bench", "connector": "pg", "branch": "main"}
				""").status()).isEqualTo(201);
		var organization = PlanetScaleFixtures.organization(this.organizations);
		var planetscale = planetscaleApi(organization);
		assertThat(planetscale.post(databases(organization), mysql("bench-database")).status()).isEqualTo(201);

		for (var script : SCRIPTS) {
			var output = wrk(script, harnessKey, planetscale.requestHeader("Authorization"), organization);
			assertThat(output).as(script)
				.containsPattern("\\b[1-9]\\d* requests in")
				.doesNotContain("Non-2xx")
				.doesNotContain("Socket errors");
		}
	}

	private String wrk(String script, String harnessKey, String token, String organization)
			throws IOException, InterruptedException {
		var process = new ProcessBuilder("wrk", "-t1", "-c2", "-d1s", "-s", "bench/lua/" + script + ".lua",
				"http://127.0.0.1:" + this.port)
			.redirectErrorStream(true);
		process.environment().put("HARNESS_KEY", harnessKey);
		process.environment().put("PS_TOKEN", token);
		process.environment().put("PS_ORGANIZATION", organization);
		process.environment().put("BENCH_LUA", "bench/lua");
		var running = process.start();
		var output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(running.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(running.exitValue()).as(output).isZero();
		return output;
	}

	private static boolean wrkInstalled() {
		for (var dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			if (new File(dir, "wrk").canExecute()) {
				return true;
			}
		}
		return false;
	}

}
