package dev.dbplane.harness;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.dbplane.Api;
import dev.dbplane.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.dbplane.harness.HarnessFixtures.instance;
import static dev.dbplane.harness.HarnessFixtures.repositorySchema;
import static dev.dbplane.harness.HarnessFixtures.schemaPath;
import static org.assertj.core.api.Assertions.assertThat;

class DuplicateRaceIntegrationTests extends IntegrationTest {

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void whenTwentyRequestsCreateOneSchemaAtOnceThenOneWinsAndNineteenGet400() throws Exception {
		var account = unique("race");
		var api = harnessApi(account);

		var statuses = race(20, () -> api.post(schemaPath("org", "proj"), repositorySchema("contested")));

		assertThat(statuses.stream().filter((s) -> s.status() == 201)).hasSize(1);
		assertThat(statuses.stream().filter((s) -> s.status() == 400)).hasSize(19)
			.allSatisfy((s) -> assertThat(s.json().get("message").asString()).endsWith("already exists"));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from harness_schema where account_id = ? and identifier = 'contested'", Long.class,
				account))
			.isEqualTo(1);
	}

	@Test
	void whenTwentyRequestsCreateOneInstanceAtOnceThenOneWinsAndNineteenGet400() throws Exception {
		var api = harnessApi();
		var schema = api.post(schemaPath("org", "proj"), repositorySchema("parent")).json();

		var statuses = race(20, () -> api.post(schemaPath("org", "proj") + "/parent/instance", instance("contested")));

		assertThat(statuses.stream().filter((s) -> s.status() == 201)).hasSize(1);
		assertThat(statuses.stream().filter((s) -> s.status() == 400)).hasSize(19);
		var schemaId = api.get(schemaPath("org", "proj") + "/parent/instance/contested")
			.json()
			.get("schemaId")
			.asString();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from harness_instance where schema_id = ?::uuid and identifier = 'contested'",
				Long.class, schemaId))
			.isEqualTo(1);
		assertThat(schema.get("identifier").asString()).isEqualTo("parent");
	}

	private static java.util.List<Api.Response> race(int requests, Callable<Api.Response> call) throws Exception {
		var start = new CountDownLatch(1);
		var executor = Executors.newFixedThreadPool(requests);
		try {
			var futures = new ArrayList<Future<Api.Response>>();
			for (int i = 0; i < requests; i++) {
				futures.add(executor.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			var responses = new ArrayList<Api.Response>();
			for (var future : futures) {
				responses.add(future.get());
			}
			return responses;
		}
		finally {
			executor.shutdownNow();
		}
	}

}
