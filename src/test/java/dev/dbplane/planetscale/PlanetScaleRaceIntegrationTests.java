package dev.dbplane.planetscale;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
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
import static dev.dbplane.planetscale.PlanetScaleFixtures.databases;
import static dev.dbplane.planetscale.PlanetScaleFixtures.mysql;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent writes to one PlanetScale database: no acknowledged PATCH is lost, a name is
 * never taken twice, no request fails with a 500. The loser of a PATCH race gets
 * <b>409</b> {@code conflict}: unlike a 422 it tells the client that the request was
 * valid and only needs to be sent again. Where the outcome depends on an interleaving,
 * the test forces it: a separate connection holds a lock until every request is waiting
 * to write.
 */
class PlanetScaleRaceIntegrationTests extends IntegrationTest {

	private static final String CONCURRENT = "The database was changed by another request at the same time; "
			+ "read it again and retry";

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Organizations organizations;

	private String organization;

	private Api client;

	private ExecutorService executor;

	@BeforeEach
	void organization() {
		this.organization = PlanetScaleFixtures.organization(this.organizations);
		this.client = planetscaleApi(this.organization);
		this.executor = Executors.newFixedThreadPool(16);
	}

	@AfterEach
	void stop() {
		this.executor.shutdownNow();
	}

	@Test
	void whenPatchesReadTheSameVersionThenOneWinsAndTheOthersGet409WithNothingLost() throws Exception {
		var path = create("contested");
		var id = databaseId("contested");
		var before = version(id);

		List<Api.Response> responses;
		try (var lock = HeldLock.of("select 1 from planetscale_database where id = ? for update", id)) {
			var futures = submit(8, (i) -> this.client.patch(path, "{\"migration_table_name\": \"t_" + i + "\"}"));
			lock.awaitWaiting("update planetscale_database", 8);
			lock.release();
			responses = get(futures);
		}

		var won = responses.stream().filter((r) -> r.status() == 200).toList();
		assertThat(won).hasSize(1);
		assertThat(responses.stream().filter((r) -> r.status() != 200)).hasSize(7)
			.allSatisfy(PlanetScaleRaceIntegrationTests::assertConflict);
		assertThat(version(id)).isEqualTo(before + 1);
		assertThat(this.client.get(path).json().get("migration_table_name"))
			.isEqualTo(won.get(0).json().get("migration_table_name"));
	}

	/**
	 * Branch settings are absolute, so a write that lost the race is run again on the row
	 * as it now is rather than answered with a 409 the vendor document does not list
	 * (Schemathesis sends such PUTs from two workers at once).
	 */
	@Test
	void whenBranchSettingWritesReadTheSameVersionThenEachIsAppliedInTurnAndAllSucceed() throws Exception {
		var path = create("settled");
		var id = databaseId("settled");
		PlanetScaleFixtures.ready(this.jdbc, id);
		var branchId = this.jdbc.queryForObject(
				"select id from planetscale_branch where database_id = ? and name = 'main'", String.class, id);
		var before = branchVersion(branchId);

		List<Api.Response> responses;
		try (var lock = HeldLock.of("select 1 from planetscale_branch where id = ? for update", branchId)) {
			var futures = submit(8,
					(i) -> (i % 2 == 0)
							? this.client.put(path + "/branches/main/safe-migrations", "{\"safe_migrations\": true}")
							: this.client.patch(path + "/branches/main", "{\"deletion_protected\": true}"));
			lock.awaitWaiting("update planetscale_branch", 8);
			lock.release();
			responses = get(futures);
		}

		assertThat(responses).allSatisfy((r) -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
		var branch = this.client.get(path + "/branches/main").json();
		assertThat(branch.get("safe_migrations").asBoolean()).isTrue();
		assertThat(branch.get("deletion_protected").asBoolean()).isTrue();
		assertThat(branchVersion(branchId)).as("one version per setting that changed").isEqualTo(before + 2);
	}

	@Test
	void whenManyPatchesRaceThenEveryAcknowledgedPatchIsOneVersion() throws Exception {
		var path = create("stormed");
		var id = databaseId("stormed");
		var before = version(id);

		var responses = get(submit(24, (i) -> this.client.patch(path, "{\"migration_table_name\": \"t_" + i + "\"}")));

		var acknowledged = responses.stream().filter((r) -> r.status() == 200).toList();
		assertThat(acknowledged).isNotEmpty();
		assertThat(responses.stream().filter((r) -> r.status() != 200))
			.allSatisfy(PlanetScaleRaceIntegrationTests::assertConflict);
		assertThat(version(id) - before).as("versions written vs. PATCHes acknowledged").isEqualTo(acknowledged.size());
		Set<String> written = acknowledged.stream()
			.map((r) -> r.json().get("migration_table_name").asString())
			.collect(Collectors.toSet());
		assertThat(written).contains(this.client.get(path).json().get("migration_table_name").asString());
	}

	@Test
	void whenAPatchHasReadADatabaseThatIsThenDeletedThenThePatchGets409AndTheDatabaseStaysDeleted() throws Exception {
		var path = create("doomed");
		var id = databaseId("doomed");

		Api.Response delete;
		Api.Response patch;
		try (var lock = HeldLock.of("select 1 from planetscale_database where id = ? for update", id)) {
			var deleting = this.executor.submit(() -> this.client.delete(path));
			lock.awaitWaiting("delete from planetscale_database", 1);
			var patching = this.executor.submit(() -> this.client.patch(path, "{\"migration_table_name\": \"late\"}"));
			lock.awaitWaiting("update planetscale_database", 1);
			lock.release();
			delete = deleting.get();
			patch = patching.get();
		}

		assertThat(delete.status()).as(delete.toString()).isEqualTo(204);
		assertConflict(patch);
		assertThat(this.client.get(path).status()).isEqualTo(404);
		assertThat(count("doomed")).isZero();
	}

	@Test
	void whenARenameRacesACreateOfTheSameNameThenExactlyOneWinsAndTheOtherGets422() throws Exception {
		for (int round = 0; round < 2; round++) {
			var old = "old-" + round;
			var path = create(old);
			var id = databaseId(old);

			Api.Response rename;
			Api.Response created;
			// An uncommitted row holding the name: both writers wait for it on the unique
			// index, then race each other once it is rolled back.
			try (var lock = HeldLock.of("insert into planetscale_database select * from jsonb_populate_record("
					+ "null::planetscale_database, (select to_jsonb(d) || jsonb_build_object('id', 'blocker' || "
					+ "substr(d.id, 1, 5), 'name', 'taken') from planetscale_database d where d.id = ?))", id)) {
				var renaming = this.executor.submit(() -> this.client.patch(path, "{\"new_name\": \"taken\"}"));
				lock.awaitWaiting("update planetscale_database", 1);
				var creating = this.executor
					.submit(() -> this.client.post(databases(this.organization), mysql("taken")));
				lock.awaitWaiting("with created as (%insert into planetscale_database", 1);
				lock.rollback();
				rename = renaming.get();
				created = creating.get();
			}

			var responses = List.of(rename, created);
			assertThat(responses.stream().filter((r) -> r.status() < 300)).as(responses.toString()).hasSize(1);
			var loser = responses.stream().filter((r) -> r.status() >= 300).findFirst().orElseThrow();
			assertThat(loser.status()).as(loser.toString()).isEqualTo(422);
			assertShape(loser);
			assertThat(loser.json().get("message").asString()).isEqualTo("Name has already been taken");
			assertThat(count("taken")).isEqualTo(1);
			assertThat(count(old)).isEqualTo((rename.status() == 200) ? 0 : 1);
			var winner = (rename.status() == 200) ? rename : created;
			assertThat(this.client.get(databases(this.organization) + "/taken").json().get("id"))
				.isEqualTo(winner.json().get("id"));
			assertThat(this.client.delete(databases(this.organization) + "/taken").status()).isEqualTo(204);
			if (rename.status() != 200) {
				assertThat(this.client.delete(path).status()).isEqualTo(204);
			}
		}
	}

	@Test
	void whenRenamesCreatesPatchesAndDeletesRaceThenNoRequestFailsAndNoNameIsTakenTwice() throws Exception {
		for (int round = 0; round < 3; round++) {
			var path = create("busy");
			var responses = get(submit(16, (i) -> switch (i % 4) {
				case 0 -> this.client.post(databases(this.organization), mysql("wanted"));
				case 1 -> this.client.patch(path, "{\"new_name\": \"wanted\"}");
				case 2 -> this.client.patch(path, "{\"migration_table_name\": \"t_" + i + "\"}");
				default -> (i == 3) ? this.client.delete(path) : this.client.get(path);
			}));

			assertThat(responses).allSatisfy((r) -> {
				assertThat(r.status()).as(r.toString()).isIn(200, 201, 204, 404, 409, 422);
				if (r.status() >= 400) {
					assertShape(r);
				}
			});
			assertThat(count("wanted")).isEqualTo(1);
			assertThat(count("busy") + count("wanted")).isLessThanOrEqualTo(2);
			this.jdbc.update("delete from planetscale_database where organization_id = ?",
					organizationId(this.organization));
		}
	}

	@Test
	void whenCreatesQueueBehindBusyInsertsThenTheyAreInsertedTogetherAndEachGetsItsOwnOutcome() throws Exception {
		create("existing");
		var names = List.of("new-0", "new-1", "new-2", "new-3", "new-4", "new-5", "twice", "twice", "existing");

		List<Api.Response> first;
		List<Api.Response> queued;
		// A database's foreign key check locks its organization's row (for key share):
		// both inserts that may run at a time wait for the lock, and every other create
		// waits for them in dbplane's batcher, where only a thread dump sees it.
		try (var lock = HeldLock.of("select 1 from planetscale_organization where id = ? for update",
				organizationId(this.organization))) {
			var one = this.executor.submit(() -> this.client.post(databases(this.organization), mysql("first-0")));
			lock.awaitWaiting("with created as (%insert into planetscale_database", 1);
			var two = this.executor.submit(() -> this.client.post(databases(this.organization), mysql("first-1")));
			lock.awaitWaiting("with created as (%insert into planetscale_database", 2);
			var waiting = submit(names.size(),
					(i) -> this.client.post(databases(this.organization), mysql(names.get(i))));
			QueuedSubmitters.await(names.size());
			lock.rollback();
			first = get(List.of(one, two));
			queued = get(waiting);
		}

		assertThat(first).allSatisfy((r) -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
		for (int i = 0; i < 6; i++) {
			var response = queued.get(i);
			assertThat(response.status()).as(response.toString()).isEqualTo(201);
			assertThat(response.json().get("name").asString()).isEqualTo(names.get(i));
			assertThat(this.client.get(databases(this.organization) + "/" + names.get(i)).json().get("id"))
				.isEqualTo(response.json().get("id"));
		}
		assertThat(List.of(queued.get(6).status(), queued.get(7).status())).as(queued.subList(6, 8).toString())
			.containsExactlyInAnyOrder(201, 422);
		assertThat(queued.get(8).status()).isEqualTo(422);
		assertThat(queued.stream().filter((r) -> r.status() == 422)).allSatisfy((r) -> {
			assertShape(r);
			assertThat(r.json().get("message").asString()).isEqualTo("Name has already been taken");
		});
		// Rows inserted by one statement share its transaction id; each database has the
		// creating token's access.
		var batched = "(d.name like 'new-%' or d.name = 'twice')";
		assertThat(
				this.jdbc.queryForObject(
						"select count(distinct d.xmin::text) from planetscale_database d "
								+ "where d.organization_id = ? and " + batched,
						Long.class, organizationId(this.organization)))
			.isLessThan(7);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from planetscale_database d " + "where d.organization_id = ? and " + batched
						+ " and exists (select 1 from "
						+ "planetscale_service_token_access a where a.database_id = d.id and a.access = '*')",
				Long.class, organizationId(this.organization)))
			.isEqualTo(7);
	}

	private String create(String name) {
		var response = this.client.post(databases(this.organization), mysql(name));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return databases(this.organization) + "/" + name;
	}

	private static void assertConflict(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(409);
		assertShape(response);
		assertThat(response.json().get("code").asString()).isEqualTo("conflict");
		assertThat(response.json().get("message").asString()).isEqualTo(CONCURRENT);
	}

	private static void assertShape(Api.Response response) {
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(names(response.json())).containsExactly("code", "message");
	}

	private String databaseId(String name) {
		return this.jdbc.queryForObject(
				"select d.id from planetscale_database d join planetscale_organization o on o.id = d.organization_id "
						+ "where o.name = ? and d.name = ?",
				String.class, this.organization, name);
	}

	private long count(String name) {
		return this.jdbc.queryForObject(
				"select count(*) from planetscale_database d join planetscale_organization o "
						+ "on o.id = d.organization_id where o.name = ? and d.name = ?",
				Long.class, this.organization, name);
	}

	private long version(String id) {
		return this.jdbc.queryForObject("select version from planetscale_database where id = ?", Long.class, id);
	}

	private long branchVersion(String id) {
		return this.jdbc.queryForObject("select version from planetscale_branch where id = ?", Long.class, id);
	}

	private List<Future<Api.Response>> submit(int requests, IntFunction<Api.Response> call) {
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

}
