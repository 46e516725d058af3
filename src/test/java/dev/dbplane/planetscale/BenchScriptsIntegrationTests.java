package dev.dbplane.planetscale;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.dbplane.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.dbplane.planetscale.PlanetScaleFixtures.databases;
import static dev.dbplane.planetscale.PlanetScaleFixtures.mysql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Keeps bench/ from rotting: each wrk script of the benchmark runs for a second against
 * this test server and every request it sends must succeed; the cold CI scenario's client
 * runs a few cycles and must get dbplane's statuses; and each pgbench script's SQL runs
 * against the test database (rolled back), so a migration cannot leave it behind.
 * {@code .ci/run} installs wrk, so CI always runs it; where wrk or python3 is missing the
 * test says so and is skipped.
 */
class BenchScriptsIntegrationTests extends IntegrationTest {

	private static final List<String> SCRIPTS = List.of("harness-create-instance", "harness-get-instance",
			"planetscale-create-database", "planetscale-get-database");

	private static final Pattern PGBENCH_VARIABLE = Pattern.compile("(?<!:):([a-z_]+)");

	@Autowired
	private Organizations organizations;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void whenEachBenchScriptRunsThenEveryRequestSucceeds() throws Exception {
		assumeTrue(installed("wrk"), "wrk is not installed (apt-get install wrk; .ci/run does)");
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

	@Test
	void whenTheColdCiClientRunsThenEveryStatusIsDbplanes() throws Exception {
		assumeTrue(installed("python3"), "python3 is not installed");
		var harness = harnessApi(unique("cold"));
		var organization = PlanetScaleFixtures.organization(this.organizations);
		var planetscale = planetscaleApi(organization);
		var base = "http://127.0.0.1:" + this.port;
		// Two connections, four cycles each: both kinds of error are among them.
		var process = new ProcessBuilder("python3", "bench/cold-ci.py", "--check", "--requests", "80", "--connections",
				"2", "--harness", base, "--planetscale", base + "/v1", "--harness-key",
				harness.requestHeader("x-api-key"), "--planetscale-auth", planetscale.requestHeader("Authorization"),
				"--organization", organization)
			.redirectErrorStream(true)
			.start();
		var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("\"requests\": 80")
			.contains("\"unexpected\": 0")
			.contains("\"404\": ")
			.contains("\"422\": ");
	}

	@Test
	void whenEachPgbenchScriptRunsThenPostgresqlAcceptsIt() throws IOException {
		var values = Map.of("database", "1", "access", "2", "organization_id", "'org'", "regions", "'us-east'");
		try (var scripts = Files.list(Path.of("bench/sql"))) {
			var sql = scripts.filter((path) -> path.toString().endsWith(".sql")).sorted().toList();
			assertThat(sql).extracting(Path::getFileName)
				.map(Path::toString)
				.contains("harness-create-instance.sql", "harness-get-instance.sql", "planetscale-create-database.sql",
						"planetscale-get-database.sql");
			for (var script : sql) {
				// pgbench's meta-commands go; its variables become literals.
				var statement = Files.readAllLines(script)
					.stream()
					.filter((line) -> !line.startsWith("\\"))
					.collect(Collectors.joining("\n"));
				var bound = PGBENCH_VARIABLE.matcher(statement)
					.replaceAll((match) -> Matcher.quoteReplacement(values.get(match.group(1))));
				this.transactions.executeWithoutResult((status) -> {
					this.jdbc.queryForList(bound);
					status.setRollbackOnly();
				});
			}
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

	private static boolean installed(String command) {
		for (var dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			if (new File(dir, command).canExecute()) {
				return true;
			}
		}
		return false;
	}

}
