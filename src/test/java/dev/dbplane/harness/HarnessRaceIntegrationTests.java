package dev.dbplane.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import dev.dbplane.Api;
import dev.dbplane.HeldLock;
import dev.dbplane.IntegrationTest;
import dev.dbplane.persistence.QueuedSubmitters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.dbplane.Json.names;
import static dev.dbplane.harness.HarnessFixtures.instance;
import static dev.dbplane.harness.HarnessFixtures.repositorySchema;
import static dev.dbplane.harness.HarnessFixtures.schemaPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent writes to one resource: no acknowledged write is lost, no duplicate or
 * orphan is left, and no request fails with a 500. Where the outcome depends on an
 * interleaving, the test forces it: a separate connection holds the row lock until every
 * request has read the row and is waiting to write it.
 */
class HarnessRaceIntegrationTests extends IntegrationTest {

	private static final String CONCURRENT = "was changed or deleted by another request at the same time";

	@Autowired
	private JdbcTemplate jdbc;

	private String account;

	private ExecutorService executor;

	@BeforeEach
	void account() {
		this.account = unique("race");
		this.executor = Executors.newFixedThreadPool(16);
	}

	@AfterEach
	void stop() {
		this.executor.shutdownNow();
	}

	private Api client;

	private Api client() {
		if (this.client == null) {
			this.client = harnessApi(this.account);
		}
		return this.client;
	}

	@Test
	void whenPutsReadTheSameVersionThenOneWinsAndTheOthersGet400WithNothingLost() throws Exception {
		var schemas = schemaPath("org", "proj");
		client().post(schemas, repositorySchema("contested"));
		var id = schemaId("contested");
		var before = version("harness_schema", id);

		List<Api.Response> responses;
		try (var lock = rowLock(id)) {
			var futures = submit(8, (i) -> client().put(schemas + "/contested", "{\"name\": \"name_" + i + "\"}"));
			lock.awaitWaiting("update harness_schema", 8);
			lock.release();
			responses = get(futures);
		}

		var won = responses.stream().filter((r) -> r.status() == 200).toList();
		assertThat(won).hasSize(1);
		assertThat(responses.stream().filter((r) -> r.status() != 200)).hasSize(7)
			.allSatisfy((r) -> assertConcurrentChange(r));
		assertThat(version("harness_schema", id)).isEqualTo(before + 1);
		assertThat(client().get(schemas + "/contested").json().get("name")).isEqualTo(won.get(0).json().get("name"));
	}

	@Test
	void whenManyPutsOfOneSchemaRaceThenEveryAcknowledgedPutIsOneVersion() throws Exception {
		var schemas = schemaPath("org", "proj");
		client().post(schemas, repositorySchema("stormed"));
		var id = schemaId("stormed");
		var before = version("harness_schema", id);

		var responses = get(submit(24, (i) -> client().put(schemas + "/stormed", "{\"name\": \"name_" + i + "\"}")));

		assertEveryAcknowledgedWriteIsOneVersion(responses, version("harness_schema", id) - before,
				client().get(schemas + "/stormed"));
	}

	@Test
	void whenManyPutsOfOneInstanceRaceThenEveryAcknowledgedPutIsOneVersion() throws Exception {
		var schemas = schemaPath("org", "proj");
		client().post(schemas, repositorySchema("parent"));
		client().post(schemas + "/parent/instance", instance("stormed"));
		var id = this.jdbc
			.queryForObject(
					"select i.id from harness_instance i join harness_schema s on s.id = i.schema_id "
							+ "where s.account_id = ? and i.identifier = 'stormed'",
					java.util.UUID.class, this.account);
		var before = version("harness_instance", id);
		var path = schemas + "/parent/instance/stormed";

		var responses = get(submit(24, (i) -> client().put(path,
				"{\"name\": \"name_" + i + "\", \"" + ((i % 2 == 0) ? "gitTag" : "branch") + "\": \"v" + i + "\"}")));

		assertEveryAcknowledgedWriteIsOneVersion(responses, version("harness_instance", id) - before,
				client().get(path));
		var stored = client().get(path).json();
		var tag = stored.get("gitTag");
		var branch = stored.get("branch");
		assertThat((tag == null || tag.isNull()) != (branch == null || branch.isNull()))
			.as("exactly one of gitTag and branch is set: " + stored)
			.isTrue();
	}

	@Test
	void whenAPutHasReadASchemaThatIsThenDeletedThenThePutGets400AndTheSchemaStaysDeleted() throws Exception {
		var schemas = schemaPath("org", "proj");
		client().post(schemas, repositorySchema("doomed"));
		client().post(schemas + "/doomed/instance", instance("child"));
		var id = schemaId("doomed");

		Api.Response delete;
		Api.Response put;
		try (var lock = rowLock(id)) {
			var deleting = this.executor.submit(() -> client().delete(schemas + "/doomed"));
			lock.awaitWaiting("delete from harness_schema", 1);
			var putting = this.executor.submit(() -> client().put(schemas + "/doomed", "{\"name\": \"late\"}"));
			lock.awaitWaiting("update harness_schema", 1);
			lock.release();
			delete = deleting.get();
			put = putting.get();
		}

		assertThat(delete.status()).isEqualTo(204);
		assertConcurrentChange(put);
		assertThat(client().get(schemas + "/doomed").status()).isEqualTo(404);
		assertThat(client().put(schemas + "/doomed", "{\"name\": \"later\"}").status()).isEqualTo(404);
		assertNoOrphans();
	}

	@Test
	void whenInstancesAreCreatedWhileTheirSchemaIsDeletedThenTheCreatesGet404AndNothingIsOrphaned() throws Exception {
		var schemas = schemaPath("org", "proj");
		client().post(schemas, repositorySchema("parent"));
		var id = schemaId("parent");

		Api.Response delete;
		List<Api.Response> creates;
		try (var lock = rowLock(id)) {
			var deleting = this.executor.submit(() -> client().delete(schemas + "/parent"));
			lock.awaitWaiting("delete from harness_schema", 1);
			var creating = submit(6, (i) -> client().post(schemas + "/parent/instance", instance("child_" + i)));
			// Two inserts run at a time (DbInstanceRepository's batcher); the other
			// creates
			// wait for one of them to finish and then go into one insert together.
			lock.awaitWaiting("insert into harness_instance", 2);
			lock.release();
			delete = deleting.get();
			creates = get(creating);
		}

		assertThat(delete.status()).isEqualTo(204);
		assertThat(creates).allSatisfy((r) -> {
			assertThat(r.status()).as(r.toString()).isEqualTo(404);
			assertErrorShape(r);
			assertThat(r.json().get("message").asString()).isEqualTo("Database schema 'parent' not found");
		});
		assertNoOrphans();
	}

	@Test
	void whenCreatesQueueBehindBusyInsertsThenTheyAreInsertedTogetherAndEachGetsItsOwnOutcome() throws Exception {
		var schemas = schemaPath("org", "proj");
		client().post(schemas, repositorySchema("batched"));
		client().post(schemas + "/batched/instance", instance("existing"));
		var instances = schemas + "/batched/instance";
		var created = List.of("new_0", "new_1", "new_2", "new_3", "new_4", "new_5");
		var requests = new ArrayList<java.util.Map.Entry<String, String>>();
		created.forEach((identifier) -> requests.add(java.util.Map.entry(instances, instance(identifier))));
		requests.add(java.util.Map.entry(instances, instance("twice")));
		requests.add(java.util.Map.entry(instances, instance("twice")));
		requests.add(java.util.Map.entry(instances, instance("existing")));
		requests.add(java.util.Map.entry(instances,
				"{\"identifier\": \"no_branch\", \"name\": \"n\", \"connector\": \"pg\"}"));
		requests.add(java.util.Map.entry(schemas + "/missing/instance", instance("orphan")));

		List<Api.Response> first;
		List<Api.Response> queued;
		// An instance's foreign key check locks its schema's row (for key share): both
		// inserts that may run at a time wait for the lock, and every other create waits
		// for them in dbplane's batcher, where only a thread dump sees it.
		try (var lock = rowLock(schemaId("batched"))) {
			var one = this.executor.submit(() -> client().post(instances, instance("first_0")));
			lock.awaitWaiting("insert into harness_instance", 1);
			var two = this.executor.submit(() -> client().post(instances, instance("first_1")));
			lock.awaitWaiting("insert into harness_instance", 2);
			var waiting = submit(requests.size(),
					(i) -> client().post(requests.get(i).getKey(), requests.get(i).getValue()));
			QueuedSubmitters.await(requests.size());
			lock.release();
			first = get(List.of(one, two));
			queued = get(waiting);
		}

		assertThat(first).allSatisfy((r) -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
		for (int i = 0; i < created.size(); i++) {
			var response = queued.get(i);
			assertThat(response.status()).as(response.toString()).isEqualTo(201);
			assertThat(response.json().get("identifier").asString()).isEqualTo(created.get(i));
			assertThat(client().get(instances + "/" + created.get(i)).json().get("identifier").asString())
				.isEqualTo(created.get(i));
		}
		assertThat(List.of(queued.get(6).status(), queued.get(7).status())).as(queued.subList(6, 8).toString())
			.containsExactlyInAnyOrder(201, 400);
		assertThat(queued.get(8).status()).isEqualTo(400);
		assertThat(queued.get(8).json().get("message").asString())
			.isEqualTo("Database instance with identifier 'existing' already exists in schema 'batched'");
		assertThat(queued.get(9).status()).as(queued.get(9).toString()).isEqualTo(400);
		assertThat(queued.get(9).json().get("message").asString()).contains("branch");
		assertThat(queued.get(10).status()).isEqualTo(404);
		assertThat(queued.subList(8, 11)).allSatisfy(HarnessRaceIntegrationTests::assertErrorShape);
		// Rows inserted by one statement share its transaction id.
		assertThat(this.jdbc.queryForObject("select count(distinct i.xmin::text) from harness_instance i "
				+ "join harness_schema s on s.id = i.schema_id where s.account_id = ? and s.identifier = 'batched' "
				+ "and (i.identifier like 'new_%' or i.identifier = 'twice')", Long.class, this.account))
			.isLessThan(created.size() + 1);
		assertNoOrphans();
	}

	@Test
	void whenCreatesUpdatesAndADeleteOfTheirSchemaRaceThenNoRequestFailsAndNothingIsOrphaned() throws Exception {
		var schemas = schemaPath("org", "proj");
		for (int round = 0; round < 3; round++) {
			client().post(schemas, repositorySchema("busy"));
			client().post(schemas + "/busy/instance", instance("first"));

			var responses = get(submit(16, (i) -> switch (i % 4) {
				case 0 -> client().post(schemas + "/busy/instance", instance("child_" + i));
				case 1 -> client().put(schemas + "/busy", "{\"name\": \"name_" + i + "\"}");
				case 2 -> client().put(schemas + "/busy/instance/first", "{\"name\": \"name_" + i + "\"}");
				default -> (i == 3) ? client().delete(schemas + "/busy") : client().get(schemas + "/busy");
			}));

			assertThat(responses).allSatisfy((r) -> {
				assertThat(r.status()).as(r.toString()).isIn(200, 201, 204, 400, 404);
				if (r.status() >= 400) {
					assertErrorShape(r);
				}
			});
			assertThat(responses.get(3).status()).isEqualTo(204);
			assertThat(client().get(schemas + "/busy").status()).isEqualTo(404);
			assertNoOrphans();
		}
	}

	private void assertEveryAcknowledgedWriteIsOneVersion(List<Api.Response> responses, long versions,
			Api.Response stored) {
		var acknowledged = responses.stream().filter((r) -> r.status() == 200).toList();
		assertThat(acknowledged).isNotEmpty();
		assertThat(responses.stream().filter((r) -> r.status() != 200))
			.allSatisfy(HarnessRaceIntegrationTests::assertConcurrentChange);
		assertThat(versions).as("versions written vs. PUTs acknowledged").isEqualTo(acknowledged.size());
		Set<String> names = acknowledged.stream()
			.map((r) -> r.json().get("name").asString())
			.collect(Collectors.toSet());
		assertThat(names).contains(stored.json().get("name").asString());
	}

	private static void assertConcurrentChange(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertErrorShape(response);
		assertThat(response.json().get("message").asString()).contains(CONCURRENT);
	}

	private static void assertErrorShape(Api.Response response) {
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(names(response.json())).containsExactly("message");
	}

	private void assertNoOrphans() {
		assertThat(this.jdbc.queryForObject("select count(*) from harness_instance i "
				+ "where not exists (select 1 from harness_schema s where s.id = i.schema_id)", Long.class))
			.isZero();
	}

	private java.util.UUID schemaId(String identifier) {
		return this.jdbc.queryForObject("select id from harness_schema where account_id = ? and identifier = ?",
				java.util.UUID.class, this.account, identifier);
	}

	private long version(String table, java.util.UUID id) {
		return this.jdbc.queryForObject("select version from " + table + " where id = ?", Long.class, id);
	}

	private List<Future<Api.Response>> submit(int requests, java.util.function.IntFunction<Api.Response> call) {
		var start = new CountDownLatch(1);
		var futures = new ArrayList<Future<Api.Response>>();
		for (int i = 0; i < requests; i++) {
			int n = i;
			Callable<Api.Response> task = () -> {
				start.await();
				return call.apply(n);
			};
			futures.add(this.executor.submit(task));
		}
		start.countDown();
		return futures;
	}

	private static List<Api.Response> get(List<Future<Api.Response>> futures) throws Exception {
		var responses = new ArrayList<Api.Response>();
		for (var future : futures) {
			responses.add(future.get());
		}
		return responses;
	}

	/**
	 * Holds the row lock of the schema {@code id}, as an update or delete of it would.
	 */
	private static HeldLock rowLock(java.util.UUID id) throws java.sql.SQLException {
		return HeldLock.of("select 1 from harness_schema where id = ? for update", id);
	}

}
