package dev.dbplane.planetscale;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Function;

import dev.dbplane.Api;
import dev.dbplane.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.dbplane.Json.names;
import static dev.dbplane.planetscale.PlanetScaleFixtures.ID;
import static dev.dbplane.planetscale.PlanetScaleFixtures.TIMESTAMP;
import static dev.dbplane.planetscale.PlanetScaleFixtures.databases;
import static dev.dbplane.planetscale.PlanetScaleFixtures.mysql;
import static org.assertj.core.api.Assertions.assertThat;

class BranchApiIntegrationTests extends IntegrationTest {

	static final List<String> BRANCH_FIELDS = List.of("id", "type", "name", "created_at", "updated_at", "deleted_at",
			"restore_checklist_completed_at", "schema_last_updated_at", "kind", "mysql_address", "mysql_edge_address",
			"state", "direct_vtgate", "vtgate_size", "vtgate_name", "vtgate_count", "vtgate_autoscaling",
			"vtgate_max_count", "vtgate_target_cpu_utilization", "cluster_name", "cluster_display_name",
			"cluster_architecture", "cluster_iops", "ready", "schema_ready", "metal", "production", "safe_migrations",
			"deletion_protected", "sharded", "shard_count", "keyspace_count", "stale_schema", "actor",
			"restored_from_branch", "private_edge_connectivity", "has_replicas", "has_read_only_replicas", "html_url",
			"url", "region", "parent_branch", "vtgate_options", "replicas", "parameters");

	static final List<String> CHANGE_FIELDS = List.of("id", "state", "started_at", "completed_at", "created_at",
			"updated_at", "actor", "cluster_name", "cluster_display_name", "cluster_metal", "replicas", "parameters",
			"previous_cluster_name", "previous_cluster_display_name", "previous_cluster_metal", "previous_replicas",
			"previous_parameters", "minimum_storage_bytes", "maximum_storage_bytes", "storage_autoscaling",
			"storage_shrinking", "storage_type", "storage_iops", "storage_throughput_mibs",
			"previous_minimum_storage_bytes", "previous_maximum_storage_bytes", "previous_storage_autoscaling",
			"previous_storage_shrinking", "previous_storage_type", "previous_storage_iops",
			"previous_storage_throughput_mibs");

	static final List<String> RESIZE_FIELDS = List.of("id", "state", "started_at", "completed_at", "created_at",
			"updated_at", "vtgate_size", "previous_vtgate_size", "vtgate_count", "previous_vtgate_count",
			"vtgate_max_count", "previous_vtgate_max_count", "vtgate_autoscaling", "previous_vtgate_autoscaling",
			"vtgate_target_cpu_utilization", "previous_vtgate_target_cpu_utilization", "vtgate_name",
			"vtgate_display_name", "previous_vtgate_name", "previous_vtgate_display_name", "actor");

	static final List<String> LIST_FIELDS = List.of("type", "current_page", "per_page", "next_page", "next_page_url",
			"prev_page", "prev_page_url", "data");

	private static final String NOT_FOUND = "{\"code\":\"not_found\",\"message\":\"Not Found\"}";

	@Autowired
	private Organizations organizations;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private BranchRepository branchRepository;

	@Autowired
	private PlatformTransactionManager transactionManager;

	private Api api;

	private String organization;

	private String databases;

	@BeforeEach
	void organization() {
		this.organization = PlanetScaleFixtures.organization(this.organizations);
		this.api = planetscaleApi(this.organization);
		this.databases = databases(this.organization);
	}

	/** Makes a database and its branches ready now, as the provisioning delay would. */
	private void ready(String database) {
		PlanetScaleFixtures.ready(this.jdbc,
				this.jdbc.queryForObject("select id from planetscale_database where name = ? and organization_id = ?",
						String.class, database, organizationId(this.organization)));
	}

	private JsonNode readyDatabase(String name) {
		var created = this.api.post(this.databases, mysql(name));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		ready(name);
		return created.json();
	}

	private String branches(String database) {
		return this.databases + "/" + database + "/branches";
	}

	private long rows(String table) {
		return this.jdbc.queryForObject(
				"select count(*) from " + table + " t where exists (select 1 from "
						+ "planetscale_database d where d.organization_id = ? and d.id = "
						+ (table.equals("planetscale_database") ? "t.id" : "t.database_id") + ")",
				Long.class, organizationId(this.organization));
	}

	@Test
	void whenADatabaseIsCreatedThenItHasItsDefaultBranchMainInProduction() {
		var database = this.api.post(this.databases, mysql("with-main")).json();

		var list = this.api.get(branches("with-main"));

		assertThat(list.status()).isEqualTo(200);
		assertThat(names(list.json())).containsExactly("type", "current_page", "per_page", "next_page", "next_page_url",
				"prev_page", "prev_page_url", "total_count", "total_pages", "data");
		assertThat(list.json().get("total_count").asInt()).isEqualTo(1);
		var main = list.json().get("data").get(0);
		assertThat(names(main)).containsExactlyInAnyOrderElementsOf(BRANCH_FIELDS);
		assertThat(main.get("id").asString()).matches(ID);
		assertThat(main.get("name").asString()).isEqualTo("main");
		assertThat(main.get("production").asBoolean()).isTrue();
		assertThat(main.get("kind").asString()).isEqualTo("mysql");
		assertThat(main.get("state").asString()).isEqualTo("pending");
		assertThat(main.get("ready").asBoolean()).isFalse();
		assertThat(main.get("parent_branch").isNull()).isTrue();
		assertThat(main.get("cluster_name").asString()).isEqualTo("PS_10");
		assertThat(main.get("vtgate_size").asString()).isEqualTo("VTG_5");
		assertThat(main.get("vtgate_count").asInt()).isEqualTo(2);
		assertThat(main.get("created_at").asString()).matches(TIMESTAMP)
			.isEqualTo(database.get("created_at").asString());
		assertThat(main.get("url").asString()).isEqualTo("http://127.0.0.1:" + this.port + "/v1/organizations/"
				+ this.organization + "/databases/with-main/branches/main");
		DatabaseApiIntegrationTests.assertRegion(main.get("region"), "us-east", true);
		for (var nullable : new String[] { "deleted_at", "restore_checklist_completed_at", "schema_last_updated_at",
				"vtgate_max_count", "vtgate_target_cpu_utilization", "cluster_iops", "restored_from_branch",
				"parameters" }) {
			assertThat(main.get(nullable).isNull()).as(nullable).isTrue();
		}
		assertThat(main.get("actor").get("id").asString()).matches(ID);
		assertThat(main.get("vtgate_options").isObject()).isTrue();
		assertThat(database.get("branches_count").asInt()).isEqualTo(1);
		assertThat(database.get("production_branches_count").asInt()).isEqualTo(1);
	}

	@Test
	void whenTheDatabaseIsStillPendingThenABranchIsRefusedWith400AndNothingIsStored() {
		this.api.post(this.databases, mysql("still-pending"));

		var response = this.api.post(branches("still-pending"), "{\"name\": \"dev\"}");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("code").asString()).isEqualTo("bad_request");
		assertThat(response.json().get("message").asString()).isEqualTo("Database still-pending is not ready yet");
		assertThat(rows("planetscale_branch")).isEqualTo(1);
	}

	@Test
	void whenProvisioningFinishesWhileAPatchHoldsTheBranchThenBothStandWithoutAConflict() {
		readyDatabase("app");
		var id = this.api.post(branches("app"), "{\"name\": \"dev\"}").json().get("id").asString();
		ready("app");
		// As though its work were still running.
		this.jdbc.update("update planetscale_branch set provisioning = 'REQUESTED' where id = ?", id);
		var separately = new TransactionTemplate(this.transactionManager);
		separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			var held = this.branchRepository.findById(id).orElseThrow();
			separately.executeWithoutResult((inner) -> this.branchRepository.provisioned(id, Instant.now()));
			held.update("renamed", true, Instant.now());
			this.branchRepository.flush();
		});

		assertThat(this.jdbc.queryForMap(
				"select name, deletion_protected, provisioning is null as provisioned from planetscale_branch where id = ?",
				id))
			.containsEntry("name", "renamed")
			.containsEntry("deletion_protected", true)
			.containsEntry("provisioned", true);
	}

	@Test
	void whenABranchIsCreatedThenItIsADevelopmentBranchOfMainAndCounted() {
		readyDatabase("app");

		var response = this.api.post(branches("app"), """
				{"name": "dev", "parent_branch": "", "region": "us-east", "cluster_size": "PS_DEV",
				 "deletion_protected": false}
				""");

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		var dev = response.json();
		assertThat(names(dev)).containsExactlyInAnyOrderElementsOf(BRANCH_FIELDS);
		assertThat(dev.get("name").asString()).isEqualTo("dev");
		assertThat(dev.get("parent_branch").asString()).isEqualTo("main");
		assertThat(dev.get("production").asBoolean()).isFalse();
		assertThat(dev.get("cluster_name").asString()).isEqualTo("PS_DEV");
		assertThat(dev.get("state").asString()).isEqualTo("pending");
		assertThat(this.api.get(branches("app") + "/dev").json()).isEqualTo(dev);
		var database = this.api.get(this.databases + "/app").json();
		assertThat(database.get("branches_count").asInt()).isEqualTo(2);
		assertThat(database.get("development_branches_count").asInt()).isEqualTo(1);
		assertThat(database.get("production_branches_count").asInt()).isEqualTo(1);
	}

	@Test
	void whenABranchOrDatabaseIsAddressedByIdThenItIsTheSameAsByName() {
		var database = readyDatabase("by-id");
		var main = this.api.get(branches("by-id") + "/main").json();

		var byIds = this.api.get(branches(database.get("id").asString()) + "/" + main.get("id").asString());

		assertThat(byIds.status()).isEqualTo(200);
		assertThat(byIds.json()).isEqualTo(main);
		assertThat(this.api.get(this.databases + "/" + database.get("id").asString()).json().get("name").asString())
			.isEqualTo("by-id");
	}

	@Test
	void whenTheNameIsTakenOrInvalidThenItIs422AndNothingIsStored() {
		readyDatabase("taken");

		var taken = this.api.post(branches("taken"), "{\"name\": \"main\"}");
		var invalid = this.api.post(branches("taken"), "{\"name\": \"Not Valid\"}");
		var blank = this.api.post(branches("taken"), "{}");
		var parent = this.api.post(branches("taken"), "{\"name\": \"x\", \"parent_branch\": \"nope\"}");
		var size = this.api.post(branches("taken"), "{\"name\": \"x\", \"cluster_size\": \"PS_10_AWS_X86\"}");

		assertThat(taken.toString())
			.isEqualTo("422 {\"code\":\"unprocessable\",\"message\":\"Name has already been taken\"}");
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.json().get("message").asString()).startsWith("Name must be");
		assertThat(blank.json().get("message").asString()).isEqualTo("Name can't be blank");
		assertThat(parent.json().get("message").asString()).isEqualTo("parent_branch nope does not exist");
		assertThat(size.json().get("message").asString())
			.isEqualTo("cluster_size PS_10_AWS_X86 is not available for mysql databases");
		assertThat(rows("planetscale_branch")).isEqualTo(1);
	}

	@Test
	void whenABranchIsPatchedThenItIsRenamedAndProtectedFromDeletion() {
		readyDatabase("patched");
		this.api.post(branches("patched"), "{\"name\": \"dev\"}");

		var patched = this.api.patch(branches("patched") + "/dev",
				"{\"new_name\": \"feature\", \"deletion_protected\": true}");

		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().get("name").asString()).isEqualTo("feature");
		assertThat(patched.json().get("deletion_protected").asBoolean()).isTrue();
		assertThat(this.api.get(branches("patched") + "/dev").toString()).isEqualTo("404 " + NOT_FOUND);
		var refused = this.api.delete(branches("patched") + "/feature");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("message").asString()).contains("deletion_protected");
		assertThat(this.api.patch(branches("patched") + "/feature", "{\"new_name\": \"main\"}").toString())
			.isEqualTo("422 {\"code\":\"unprocessable\",\"message\":\"Name has already been taken\"}");
	}

	@Test
	void whenTheDefaultBranchIsRenamedThenTheDatabaseFollows() {
		readyDatabase("renamed-main");

		this.api.patch(branches("renamed-main") + "/main", "{\"new_name\": \"trunk\"}");

		assertThat(this.api.get(this.databases + "/renamed-main").json().get("default_branch").asString())
			.isEqualTo("trunk");
	}

	@Test
	void whenBranchesAreDeletedThenTheDefaultGoesLastAndTakesTheDatabaseWithIt() {
		readyDatabase("doomed");
		this.api.post(branches("doomed"), "{\"name\": \"dev\"}");
		ready("doomed");
		this.api.post(branches("doomed"), "{\"name\": \"child\", \"parent_branch\": \"dev\"}");

		var defaultFirst = this.api.delete(branches("doomed") + "/main");
		assertThat(defaultFirst.status()).isEqualTo(422);
		assertThat(defaultFirst.json().get("message").asString()).contains("default branch");

		var withDescendants = this.api.delete(branches("doomed") + "/dev?delete_descendants=true");
		assertThat(withDescendants.status()).isEqualTo(204);
		assertThat(withDescendants.body()).isEmpty();
		assertThat(this.api.get(branches("doomed")).json().get("total_count").asInt()).isEqualTo(1);

		var last = this.api.delete(branches("doomed") + "/main");
		assertThat(last.status()).isEqualTo(204);
		assertThat(this.api.get(this.databases + "/doomed").toString()).isEqualTo("404 " + NOT_FOUND);
		assertThat(rows("planetscale_database")).isZero();
	}

	@Test
	void whenTheDatabaseIsDeletedThenItsBranchesGoWithIt() {
		var database = readyDatabase("gone");
		this.api.post(branches("gone"), "{\"name\": \"dev\"}");

		assertThat(this.api.delete(this.databases + "/gone").status()).isEqualTo(204);

		assertThat(this.jdbc.queryForObject("select count(*) from planetscale_branch where database_id = ?", Long.class,
				database.get("id").asString()))
			.isZero();
	}

	@Test
	void whenBranchesAreListedThenTheyAreFilteredOrderedAndPaged() {
		readyDatabase("listed");
		for (var name : List.of("alpha", "beta", "gamma")) {
			assertThat(this.api.post(branches("listed"), "{\"name\": \"" + name + "\"}").status()).isEqualTo(201);
		}

		var page = this.api.get(branches("listed") + "?per_page=2&page=2").json();
		var production = this.api.get(branches("listed") + "?production=true").json();
		var searched = this.api.get(branches("listed") + "?q=AM").json();
		var descending = this.api.get(branches("listed") + "?order=desc").json();
		var badOrder = this.api.get(branches("listed") + "?order=sideways");
		var farAway = this.api.get(branches("listed") + "?page=2147483647&per_page=100");

		assertThat(page.get("total_count").asInt()).isEqualTo(4);
		assertThat(page.get("total_pages").asInt()).isEqualTo(2);
		assertThat(page.get("data")).extracting((b) -> b.get("name").asString()).containsExactly("beta", "gamma");
		assertThat(page.get("prev_page").asInt()).isEqualTo(1);
		assertThat(page.get("next_page").isNull()).isTrue();
		assertThat(production.get("data")).extracting((b) -> b.get("name").asString()).containsExactly("main");
		assertThat(searched.get("data")).extracting((b) -> b.get("name").asString()).containsExactly("gamma");
		assertThat(descending.get("data").get(0).get("name").asString()).isEqualTo("gamma");
		assertThat(farAway.status()).isEqualTo(200);
		assertThat(farAway.json().get("data")).isEmpty();
		assertThat(farAway.json().get("total_count").asInt()).isEqualTo(4);
		assertThat(badOrder.toString())
			.isEqualTo("422 {\"code\":\"unprocessable\",\"message\":\"order must be asc or desc\"}");
	}

	@Test
	void whenCreateDatabaseIfMissingIsSetThenTheDatabaseComesWithThisBranchAsItsDefault() {
		var response = this.api.post(branches("tf-made"), """
				{"name": "primary", "create_database_if_missing": true, "kind": "postgresql",
				 "cluster_name": "PS_10_AWS_ARM", "region": "eu-west", "major_version": "17",
				 "deletion_protected": false, "parent_branch": ""}
				""");

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		var branch = response.json();
		assertThat(branch.get("name").asString()).isEqualTo("primary");
		assertThat(branch.get("kind").asString()).isEqualTo("postgresql");
		assertThat(branch.get("production").asBoolean()).isTrue();
		assertThat(branch.get("cluster_name").asString()).isEqualTo("PS_10_AWS_ARM");
		assertThat(branch.get("cluster_architecture").asString()).isEqualTo("arm64");
		assertThat(branch.get("vtgate_count").asInt()).isZero();
		DatabaseApiIntegrationTests.assertRegion(branch.get("region"), "eu-west", true);
		var database = this.api.get(this.databases + "/tf-made").json();
		assertThat(database.get("default_branch").asString()).isEqualTo("primary");
		assertThat(database.get("kind").asString()).isEqualTo("postgresql");
		assertThat(database.get("branches_count").asInt()).isEqualTo(1);

		var destroyed = this.api.delete(branches(database.get("id").asString()) + "/" + branch.get("id").asString());
		assertThat(destroyed.status()).isEqualTo(204);
		assertThat(rows("planetscale_database")).isZero();
	}

	@Test
	void whenPscaleSendsItsMysqlDefaultSizeForAPostgresqlBranchThenItGetsTheSmallestPostgresqlSize() {
		this.api.post(this.databases, "{\"name\": \"pg-dev\", \"kind\": \"postgresql\", \"cluster_size\": "
				+ "\"PS_20_AWS_ARM\", \"region\": \"eu-west\"}");
		ready("pg-dev");

		var response = this.api.post(branches("pg-dev"),
				"{\"name\": \"feature\", \"parent_branch\": \"\", \"cluster_name\": \"PS_DEV\"}");
		var inherited = this.api.post(branches("pg-dev"), "{\"name\": \"same\"}");

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(response.json().get("cluster_name").asString()).isEqualTo("PS_5_AWS_X86");
		assertThat(inherited.json().get("cluster_name").asString()).isEqualTo("PS_20_AWS_ARM");
	}

	@Test
	void whenCreateDatabaseIfMissingLacksAKindThenItIs422AndNothingIsStored() {
		var response = this.api.post(branches("no-kind"), "{\"name\": \"main\", \"create_database_if_missing\": true}");

		assertThat(response.toString()).isEqualTo("422 {\"code\":\"unprocessable\",\"message\":"
				+ "\"kind is required when create_database_if_missing is set\"}");
		assertThat(rows("planetscale_database")).isZero();
	}

	@Test
	void whenCreateDatabaseIfMissingNamesAnExistingDatabaseThenTheBranchGoesToIt() {
		readyDatabase("exists");

		var response = this.api.post(branches("exists"),
				"{\"name\": \"dev\", \"create_database_if_missing\": true, \"kind\": \"mysql\"}");
		var otherKind = this.api.post(branches("exists"),
				"{\"name\": \"pg\", \"create_database_if_missing\": true, \"kind\": \"postgresql\"}");

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("production").asBoolean()).isFalse();
		assertThat(otherKind.status()).isEqualTo(422);
		assertThat(rows("planetscale_database")).isEqualTo(1);
	}

	@Test
	void whenTwoRequestsCreateTheSameMissingDatabaseThenThereIsOneAndTheOtherGetsACleanRefusal() throws Exception {
		var start = new CountDownLatch(1);
		var executor = Executors.newFixedThreadPool(4);
		try {
			var calls = new ArrayList<java.util.concurrent.Future<Api.Response>>();
			for (int i = 0; i < 4; i++) {
				var name = "b" + i;
				Callable<Api.Response> call = () -> {
					start.await();
					return this.api.post(branches("raced"), "{\"name\": \"" + name
							+ "\", \"create_database_if_missing\": true, \"kind\": \"mysql\", \"cluster_size\": \"PS_10\"}");
				};
				calls.add(executor.submit(call));
			}
			start.countDown();
			var statuses = new ArrayList<Integer>();
			for (var call : calls) {
				statuses.add(call.get().status());
			}
			assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
			assertThat(statuses).allMatch((status) -> status == 201 || status == 400 || status == 422);
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(rows("planetscale_database")).isEqualTo(1);
		assertThat(rows("planetscale_branch")).isEqualTo(1);
	}

	@Test
	void whenTerraformSetsSafeMigrationsResizesAndClusterChangesThenGetEchoesThem() {
		readyDatabase("tf-vitess");
		var tf = this.api
			.post(branches("tf-pg"),
					"""
							{"name": "main", "create_database_if_missing": true, "kind": "postgresql", "cluster_size": "PS_5_AWS_X86"}
							""")
			.json();

		var safe = this.api.put(branches("tf-vitess") + "/main/safe-migrations", "{\"safe_migrations\": true}");
		var resized = this.api.put(branches("tf-vitess") + "/main/resizes", """
				{"vtgate_size": "VTG_10", "vtgate_count": 3, "vtgate_max_count": 6, "vtgate_autoscaling": true,
				 "vtgate_target_cpu_utilization": 60}
				""");
		var changed = this.api.put(branches("tf-pg") + "/" + tf.get("id").asString() + "/terraform-changes", """
				{"cluster_size": "PS_10_AWS_X86", "parameters": {"pgconf": {"max_connections": "200"}}}
				""");

		assertThat(safe.status()).isEqualTo(200);
		assertThat(safe.json().get("safe_migrations").asBoolean()).isTrue();
		assertThat(resized.status()).isEqualTo(204);
		assertThat(resized.body()).isEmpty();
		assertThat(changed.status()).isEqualTo(204);
		var vitess = this.api.get(branches("tf-vitess") + "/main").json();
		assertThat(vitess.get("safe_migrations").asBoolean()).isTrue();
		assertThat(vitess.get("vtgate_size").asString()).isEqualTo("VTG_10");
		assertThat(vitess.get("vtgate_count").asInt()).isEqualTo(3);
		assertThat(vitess.get("vtgate_max_count").asInt()).isEqualTo(6);
		assertThat(vitess.get("vtgate_autoscaling").asBoolean()).isTrue();
		assertThat(vitess.get("vtgate_target_cpu_utilization").asInt()).isEqualTo(60);
		var postgres = this.api.get(branches("tf-pg") + "/main").json();
		assertThat(postgres.get("cluster_name").asString()).isEqualTo("PS_10_AWS_X86");
		assertThat(postgres.get("parameters").toString()).isEqualTo("{\"pgconf\":{\"max_connections\":\"200\"}}");
		assertThat(this.api.put(branches("tf-pg") + "/main/resizes", "{\"vtgate_count\": 1}").status()).isEqualTo(422);
		assertThat(this.api.put(branches("tf-vitess") + "/main/resizes", "{\"vtgate_count\": -1}").status())
			.isEqualTo(422);
		assertThat(this.api.put(branches("tf-vitess") + "/main/safe-migrations", "{}").status()).isEqualTo(422);
	}

	@Test
	void whenATokenHoldsOnlySomeBranchAccessesThenTheOthersAre403AndUnseenDatabasesAre404() {
		var database = readyDatabase("guarded");
		var reader = this.planetScaleCredentials.issueServiceToken(organizationId(this.organization), "reader",
				Set.of(), null);
		this.planetScaleCredentials.grant(reader.id(), Set.of("read_branch"), database.get("id").asString());
		var stranger = this.planetScaleCredentials.issueServiceToken(organizationId(this.organization), "stranger",
				Set.of(), null);
		var readerApi = api().withHeader("Authorization", reader.id() + ":" + reader.secret());
		var strangerApi = api().withHeader("Authorization", stranger.id() + ":" + stranger.secret());

		assertThat(readerApi.get(branches("guarded")).status()).isEqualTo(200);
		assertThat(readerApi.get(branches("guarded") + "/main").status()).isEqualTo(200);
		var create = readerApi.post(branches("guarded"), "{\"name\": \"dev\"}");
		assertThat(create.status()).isEqualTo(403);
		assertThat(create.json().get("code").asString()).isEqualTo("forbidden");
		assertThat(readerApi.patch(branches("guarded") + "/main", "{\"deletion_protected\": true}").status())
			.isEqualTo(403);
		assertThat(readerApi.delete(branches("guarded") + "/main").status()).isEqualTo(403);
		assertThat(readerApi.put(branches("guarded") + "/main/resizes", "{}").status()).isEqualTo(403);
		assertThat(strangerApi.get(branches("guarded")).toString()).isEqualTo("404 " + NOT_FOUND);
		assertThat(strangerApi.post(branches("guarded"), "{\"name\": \"dev\"}").toString())
			.isEqualTo("404 " + NOT_FOUND);
		assertThat(strangerApi
			.post(branches("elsewhere"),
					"{\"name\": \"main\", \"create_database_if_missing\": true, \"kind\": \"mysql\"}")
			.status()).isEqualTo(403);
		assertThat(rows("planetscale_branch")).isEqualTo(1);
		assertThat(rows("planetscale_database")).isEqualTo(1);
	}

	private Api.Response postWithoutBody(Api api, String path) {
		return api.send("POST", path, (String) null, null);
	}

	private JsonNode readyBranch(String database, String name) {
		var created = this.api.post(branches(database), "{\"name\": \"" + name + "\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		ready(database);
		return created.json();
	}

	@Test
	void whenADevelopmentBranchIsPromotedAndDemotedThenItChangesKindAndTheDatabaseCountsFollow() {
		readyDatabase("promoted");
		var dev = readyBranch("promoted", "dev");

		var promoted = postWithoutBody(this.api, branches("promoted") + "/dev/promote");

		assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
		assertThat(promoted.contentType()).startsWith("application/json");
		assertThat(names(promoted.json())).containsExactlyInAnyOrderElementsOf(BRANCH_FIELDS);
		assertThat(promoted.json().get("id").asString()).isEqualTo(dev.get("id").asString());
		assertThat(promoted.json().get("production").asBoolean()).isTrue();
		assertThat(promoted.json().get("safe_migrations").asBoolean()).isFalse();
		assertThat(promoted.json().get("updated_at").asString()).matches(TIMESTAMP);
		assertThat(this.api.get(branches("promoted") + "/dev").json()).isEqualTo(promoted.json());
		var database = this.api.get(this.databases + "/promoted").json();
		assertThat(database.get("production_branches_count").asInt()).isEqualTo(2);
		assertThat(database.get("development_branches_count").asInt()).isZero();
		assertThat(this.api.get(branches("promoted") + "?production=true").json().get("data")).hasSize(2);

		var demoted = this.api.post(branches("promoted") + "/" + dev.get("id").asString() + "/demote", "{}");

		assertThat(demoted.status()).as(demoted.toString()).isEqualTo(200);
		assertThat(names(demoted.json())).containsExactlyInAnyOrderElementsOf(BRANCH_FIELDS);
		assertThat(demoted.json().get("production").asBoolean()).isFalse();
		database = this.api.get(this.databases + "/promoted").json();
		assertThat(database.get("production_branches_count").asInt()).isEqualTo(1);
		assertThat(database.get("development_branches_count").asInt()).isEqualTo(1);
	}

	@Test
	void whenABranchIsPromotedOrDemotedTwiceThenTheSecondIs422AndChangesNothing() {
		readyDatabase("twice");
		readyBranch("twice", "dev");
		var main = this.api.get(branches("twice") + "/main").json();

		var promoteMain = postWithoutBody(this.api, branches("twice") + "/main/promote");
		var demoteDev = postWithoutBody(this.api, branches("twice") + "/dev/demote");

		assertThat(promoteMain.toString())
			.isEqualTo("422 {\"code\":\"unprocessable\",\"message\":\"Branch main is already a production branch\"}");
		assertThat(demoteDev.toString())
			.isEqualTo("422 {\"code\":\"unprocessable\",\"message\":\"Branch dev is not a production branch\"}");
		assertThat(this.api.get(branches("twice") + "/main").json()).isEqualTo(main);
		assertThat(this.api.get(branches("twice") + "/dev").json().get("production").asBoolean()).isFalse();
		assertThat(postWithoutBody(this.api, branches("twice") + "/nosuch/promote").toString())
			.isEqualTo("404 " + NOT_FOUND);
		assertThat(postWithoutBody(this.api, this.databases + "/nosuch/branches/main/demote").toString())
			.isEqualTo("404 " + NOT_FOUND);
		var invalid = postWithoutBody(this.api, branches("twice") + "/Not_Lower/promote");
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.json().get("message").asString())
			.isEqualTo("branch must be 1 to 64 lowercase letters, digits, '-' or '_', starting with a letter or digit");
	}

	@Test
	void whenAPendingBranchIsPromotedThenItIs400AndStaysADevelopmentBranch() {
		readyDatabase("early");
		this.api.post(branches("early"), "{\"name\": \"dev\"}");
		this.jdbc.update("update planetscale_branch set ready_at = now() + interval '1 hour' where name = 'dev' "
				+ "and database_id = (select id from planetscale_database where name = 'early' and organization_id = ?)",
				organizationId(this.organization));

		var promoted = postWithoutBody(this.api, branches("early") + "/dev/promote");

		assertThat(promoted.toString())
			.isEqualTo("400 {\"code\":\"bad_request\",\"message\":\"Branch dev is not ready yet\"}");
		assertThat(this.api.get(branches("early") + "/dev").json().get("production").asBoolean()).isFalse();
	}

	@Test
	void whenATokenLacksThePromotionAccessesThenItIs403AndTheBranchStaysAsItWas() {
		var database = readyDatabase("guarded-promotion");
		readyBranch("guarded-promotion", "dev");
		var id = database.get("id").asString();
		var reader = tokenOn(id, "read_branch");
		var promoter = tokenOn(id, "promote_branches");
		var demoter = tokenOn(id, "demote_branches");
		var production = tokenOn(id, "connect_production_branch");
		var stranger = api().withHeader("Authorization", token(Set.of()));

		var refused = postWithoutBody(reader, branches("guarded-promotion") + "/dev/promote");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("code").asString()).isEqualTo("forbidden");
		assertThat(postWithoutBody(demoter, branches("guarded-promotion") + "/dev/promote").status()).isEqualTo(403);
		assertThat(postWithoutBody(stranger, branches("guarded-promotion") + "/dev/promote").toString())
			.isEqualTo("404 " + NOT_FOUND);
		assertThat(this.api.get(branches("guarded-promotion") + "/dev").json().get("production").asBoolean()).isFalse();
		assertThat(postWithoutBody(promoter, branches("guarded-promotion") + "/dev/promote").status()).isEqualTo(200);
		assertThat(postWithoutBody(promoter, branches("guarded-promotion") + "/dev/demote").status()).isEqualTo(403);
		assertThat(postWithoutBody(demoter, branches("guarded-promotion") + "/dev/demote").status()).isEqualTo(200);
		assertThat(postWithoutBody(production, branches("guarded-promotion") + "/dev/promote").status()).isEqualTo(200);
		assertThat(postWithoutBody(production, branches("guarded-promotion") + "/dev/demote").status()).isEqualTo(200);
	}

	@Test
	void whenABranchIsPromotedThenItsPasswordsTakeTheProductionAccesses() {
		var database = readyDatabase("promoted-passwords");
		readyBranch("promoted-passwords", "dev");
		var id = database.get("id").asString();
		var developer = tokenOn(id, "connect_branch");
		var passwords = branches("promoted-passwords") + "/dev/passwords";

		assertThat(developer.post(passwords, "{\"name\": \"before\"}").status()).isEqualTo(201);
		assertThat(postWithoutBody(this.api, branches("promoted-passwords") + "/dev/promote").status()).isEqualTo(200);

		assertThat(developer.post(passwords, "{\"name\": \"after\"}").status()).isEqualTo(403);
		assertThat(tokenOn(id, "connect_production_branch").post(passwords, "{\"name\": \"after\"}").status())
			.isEqualTo(201);
	}

	@Test
	void whenTerraformChangesAClusterThenTheChangeIsListedCompletedAndReadByItsId() {
		var tf = this.api
			.post(branches("tf-changes"),
					"""
							{"name": "main", "create_database_if_missing": true, "kind": "postgresql", "cluster_size": "PS_5_AWS_X86"}
							""")
			.json();
		ready("tf-changes");
		var changes = branches("tf-changes") + "/main/changes";
		assertThat(this.api.get(changes).json().get("data")).isEmpty();

		assertThat(this.api.put(branches("tf-changes") + "/" + tf.get("id").asString() + "/terraform-changes", """
				{"cluster_size": "PS_10_AWS_X86", "parameters": {"pgconf": {"max_connections": "200"}}}
				""").status()).isEqualTo(204);
		assertThat(this.api.put(branches("tf-changes") + "/main/terraform-changes", """
				{"cluster_size": "PS_10_AWS_X86", "parameters": {"pgconf": {"max_connections": "200"}}}
				""").status()).isEqualTo(204);
		assertThat(this.api.put(branches("tf-changes") + "/main/terraform-changes", """
				{"cluster_size": "PS_20_AWS_X86"}
				""").status()).isEqualTo(204);

		var list = this.api.get(changes);
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.contentType()).startsWith("application/json");
		var body = list.json();
		assertThat(names(body)).containsExactlyInAnyOrderElementsOf(LIST_FIELDS);
		assertThat(body.get("type").asString()).isEqualTo("list");
		assertThat(body.get("current_page").asInt()).isEqualTo(1);
		assertThat(body.get("per_page").asInt()).isEqualTo(25);
		assertThat(body.get("next_page").isNull()).isTrue();
		assertThat(body.get("prev_page_url").isNull()).isTrue();
		// the repeated change changed nothing, so it is no request; the newest comes
		// first
		assertThat(body.get("data")).hasSize(2);
		var latest = body.get("data").get(0);
		var first = body.get("data").get(1);
		assertThat(names(latest)).containsExactlyInAnyOrderElementsOf(CHANGE_FIELDS);
		assertThat(first.get("id").asString()).matches(ID);
		assertThat(first.get("state").asString()).isEqualTo("completed");
		assertThat(first.get("created_at").asString()).matches(TIMESTAMP);
		assertThat(first.get("started_at").asString()).isEqualTo(first.get("created_at").asString());
		assertThat(first.get("completed_at").asString()).isEqualTo(first.get("created_at").asString());
		assertThat(first.get("updated_at").asString()).isEqualTo(first.get("completed_at").asString());
		assertThat(first.get("previous_cluster_name").asString()).isEqualTo("PS_5_AWS_X86");
		assertThat(first.get("cluster_name").asString()).isEqualTo("PS_10_AWS_X86");
		assertThat(first.get("cluster_display_name").isString()).isTrue();
		assertThat(first.get("cluster_metal").asBoolean()).isFalse();
		assertThat(first.get("previous_parameters").toString()).isEqualTo("{}");
		assertThat(first.get("parameters").toString()).isEqualTo("{\"pgconf\":{\"max_connections\":\"200\"}}");
		assertThat(first.get("replicas").isInt()).isTrue();
		assertThat(first.get("minimum_storage_bytes").isIntegralNumber()).isTrue();
		assertThat(first.get("storage_type").asString()).isEqualTo("gp3");
		assertThat(first.get("storage_iops").isInt()).isTrue();
		assertThat(first.get("actor").get("id").isString()).isTrue();
		assertThat(latest.get("previous_cluster_name").asString()).isEqualTo("PS_10_AWS_X86");
		assertThat(latest.get("cluster_name").asString()).isEqualTo("PS_20_AWS_X86");
		assertThat(latest.get("previous_parameters").toString())
			.isEqualTo("{\"pgconf\":{\"max_connections\":\"200\"}}");
		assertThat(latest.get("parameters").toString()).isEqualTo("{}");
		var byId = this.api
			.get(branches("tf-changes") + "/" + tf.get("id").asString() + "/changes/" + first.get("id").asString());
		assertThat(byId.status()).isEqualTo(200);
		assertThat(byId.json()).isEqualTo(first);
		var paged = this.api.get(changes + "?per_page=1").json();
		assertThat(paged.get("data").get(0).get("id").asString()).isEqualTo(latest.get("id").asString());
		assertThat(paged.get("next_page").asInt()).isEqualTo(2);
		assertThat(paged.get("next_page_url").asString()).endsWith("/v1/organizations/" + this.organization
				+ "/databases/tf-changes/branches/main/changes?page=2&per_page=1");
		assertThat(this.api.get(changes + "?page=3").json().get("data")).isEmpty();
	}

	@Test
	void whenVtgatesAreResizedThenTheResizeIsListedCompletedWithWhatTheBranchHadBefore() {
		readyDatabase("resized");
		var resizes = branches("resized") + "/main/resizes";
		assertThat(this.api.put(resizes, "{\"vtgate_size\": \"VTG_10\", \"vtgate_count\": 3}").status()).isEqualTo(204);
		assertThat(this.api.put(resizes, "{\"vtgate_count\": 3}").status()).isEqualTo(204);

		var list = this.api.get(resizes);

		assertThat(list.status()).isEqualTo(200);
		assertThat(names(list.json())).containsExactlyInAnyOrderElementsOf(LIST_FIELDS);
		assertThat(list.json().get("data")).hasSize(1);
		var resize = list.json().get("data").get(0);
		assertThat(names(resize)).containsExactlyInAnyOrderElementsOf(RESIZE_FIELDS);
		assertThat(resize.get("state").asString()).isEqualTo("completed");
		assertThat(resize.get("completed_at").asString()).matches(TIMESTAMP);
		assertThat(resize.get("started_at").asString()).isEqualTo(resize.get("created_at").asString());
		assertThat(resize.get("previous_vtgate_size").asString()).isEqualTo("VTG_5");
		assertThat(resize.get("vtgate_size").asString()).isEqualTo("VTG_10");
		assertThat(resize.get("vtgate_name").asString()).isEqualTo("VTG_10");
		assertThat(resize.get("previous_vtgate_name").asString()).isEqualTo("VTG_5");
		assertThat(resize.get("previous_vtgate_count").asInt()).isEqualTo(2);
		assertThat(resize.get("vtgate_count").asInt()).isEqualTo(3);
		assertThat(resize.get("vtgate_autoscaling").asBoolean()).isFalse();
		assertThat(resize.get("vtgate_max_count").isNull()).isTrue();
		assertThat(resize.get("vtgate_target_cpu_utilization").isNull()).isTrue();
		assertThat(resize.get("actor").get("id").isString()).isTrue();
		assertThat(this.api.get(resizes + "/" + resize.get("id").asString()).json()).isEqualTo(resize);
		// a resize is not a cluster change, nor the other way round
		assertThat(this.api.get(branches("resized") + "/main/changes").json().get("data")).isEmpty();
		assertThat(this.api.get(branches("resized") + "/main/changes/" + resize.get("id").asString()).toString())
			.isEqualTo("404 " + NOT_FOUND);
	}

	@Test
	void whenAChangeIsReadElsewhereOrByATokenWithoutBranchAccessThenItIs404Or403() {
		var database = readyDatabase("guarded-changes");
		readyBranch("guarded-changes", "dev");
		assertThat(this.api.put(branches("guarded-changes") + "/main/resizes", "{\"vtgate_count\": 4}").status())
			.isEqualTo(204);
		var resize = this.api.get(branches("guarded-changes") + "/main/resizes").json().get("data").get(0);
		var id = database.get("id").asString();
		var path = branches("guarded-changes") + "/main/resizes/" + resize.get("id").asString();

		assertThat(this.api.get(branches("guarded-changes") + "/dev/resizes/" + resize.get("id").asString()).toString())
			.isEqualTo("404 " + NOT_FOUND);
		assertThat(this.api.get(branches("guarded-changes") + "/main/resizes/nosuchresize").toString())
			.isEqualTo("404 " + NOT_FOUND);
		assertThat(this.api.get(branches("guarded-changes") + "/main/changes/Not_Lower").status()).isEqualTo(422);
		assertThat(this.api.get(branches("guarded-changes") + "/nosuch/changes").toString())
			.isEqualTo("404 " + NOT_FOUND);
		assertThat(tokenOn(id, "connect_branch").get(path).status()).isEqualTo(200);
		assertThat(tokenOn(id, "create_branch").get(branches("guarded-changes") + "/main/changes").status())
			.isEqualTo(200);
		var writer = tokenOn(id, "write_database");
		assertThat(writer.get(path).status()).isEqualTo(403);
		assertThat(writer.get(branches("guarded-changes") + "/main/changes").status()).isEqualTo(403);
		var stranger = api().withHeader("Authorization", token(Set.of()));
		assertThat(stranger.get(path).toString()).isEqualTo("404 " + NOT_FOUND);
	}

	/** Every field the document requires of a parameter. */
	private static final List<String> PARAMETER_FIELDS = List.of("id", "name", "display_name", "namespace", "category",
			"description", "extension", "immutable", "parameter_type", "default_value", "value", "required",
			"created_at", "updated_at", "restart", "max", "min", "url", "options", "actor");

	@Test
	void whenPscaleListsAPostgresqlBranchsParametersThenTheyShowTheValuesChangeRequestsSet() {
		var created = this.api.post(this.databases,
				"{\"name\": \"pg-parameters\", \"kind\": \"postgresql\", \"cluster_size\": \"PS_5_AWS_X86\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		ready("pg-parameters");
		var parameters = branches("pg-parameters") + "/main/parameters";

		var before = this.api.get(parameters);
		assertThat(before.status()).as(before.toString()).isEqualTo(200);
		assertThat(before.contentType()).startsWith("application/json");
		var list = before.json();
		assertThat(list.isArray()).isTrue();
		assertThat(list).hasSizeGreaterThan(5);
		for (var parameter : list) {
			assertThat(names(parameter)).containsExactlyInAnyOrderElementsOf(PARAMETER_FIELDS);
			assertThat(parameter.get("id").asString()).matches(ID);
			assertThat(parameter.get("namespace").asString()).isIn("pgconf", "pgbouncer");
			assertThat(parameter.get("value").asString()).isEqualTo(parameter.get("default_value").asString());
			assertThat(parameter.get("created_at").asString()).matches(TIMESTAMP);
			assertThat(parameter.get("url").asString()).endsWith(parameters);
		}
		var maxConnections = parameter(list, "pgconf", "max_connections");
		assertThat(maxConnections.get("parameter_type").asString()).isEqualTo("integer");
		assertThat(maxConnections.get("default_value").asString()).isEqualTo("100");
		assertThat(maxConnections.get("restart").asBoolean()).isTrue();
		assertThat(maxConnections.get("immutable").asBoolean()).isFalse();
		assertThat(maxConnections.get("min").asInt()).isEqualTo(1);
		assertThat(parameter(list, "pgconf", "default_transaction_isolation").get("options")).hasSize(4);

		assertThat(this.api
			.patch(branches("pg-parameters") + "/main/changes",
					"{\"parameters\": {\"pgconf\": {\"max_connections\": \"200\"}}}")
			.status()).isEqualTo(200);
		var after = this.api.get(parameters).json();
		var changed = parameter(after, "pgconf", "max_connections");
		assertThat(changed.get("value").asString()).isEqualTo("200");
		assertThat(changed.get("default_value").asString()).isEqualTo("100");
		assertThat(changed.get("id").asString()).isEqualTo(maxConnections.get("id").asString());
		assertThat(parameter(after, "pgconf", "work_mem").get("value").asString()).isEqualTo("4MB");

		var internal = this.api.get(parameters + "?internal=true").json();
		assertThat(internal).isNotEmpty().allSatisfy((p) -> assertThat(p.get("immutable").asBoolean()).isTrue());
		var extensions = this.api.get(parameters + "?extension=true&internal=false").json();
		assertThat(extensions).isNotEmpty()
			.allSatisfy((p) -> assertThat(p.get("extension").asBoolean()).isTrue())
			.allSatisfy((p) -> assertThat(p.get("immutable").asBoolean()).isFalse());
		assertThat(this.api.get(parameters + "?extension=false").json()).hasSize(list.size() - extensions.size());
		assertThat(this.api.get(parameters + "?extension=maybe").status()).isEqualTo(400);
	}

	@Test
	void whenParametersAreListedOnAMysqlBranchOrWithoutBranchAccessThenTheyAreRefused() {
		readyDatabase("mysql-parameters");
		assertThat(this.api.get(branches("mysql-parameters") + "/main/parameters").toString())
			.isEqualTo("404 " + NOT_FOUND);
		assertThat(this.api.get(branches("nosuch-parameters") + "/main/parameters").toString())
			.isEqualTo("404 " + NOT_FOUND);
		this.api.post(this.databases,
				"{\"name\": \"pg-guarded-parameters\", \"kind\": \"postgresql\", \"cluster_size\": \"PS_5_AWS_X86\"}");
		ready("pg-guarded-parameters");
		var id = this.jdbc.queryForObject("select id from planetscale_database where name = ? and organization_id = ?",
				String.class, "pg-guarded-parameters", organizationId(this.organization));
		var path = branches("pg-guarded-parameters") + "/main/parameters";
		assertThat(tokenOn(id, "connect_branch").get(path).status()).isEqualTo(200);
		assertThat(tokenOn(id, "write_database").get(path).status()).isEqualTo(403);
	}

	@Test
	void whenABranchsSchemaIsReadThenTheBranchAccessesDecide() {
		readyDatabase("schema-read");
		var id = this.jdbc.queryForObject("select id from planetscale_database where name = ? and organization_id = ?",
				String.class, "schema-read", organizationId(this.organization));
		var path = branches("schema-read") + "/main/schema";
		for (var access : BranchAccesses.READ_BRANCH) {
			var read = tokenOn(id, access).get(path);
			assertThat(read.status()).as(access + " " + read).isEqualTo(200);
			assertThat(read.json().get("data").isArray()).isTrue();
		}
		assertThat(tokenOn(id, "write_database").get(path).status()).isEqualTo(403);
		assertThat(tokenOn(id, "read_branch").get(branches("schema-read") + "/main/diff").status()).isEqualTo(200);
		assertThat(tokenOn(id, "write_database").get(branches("schema-read") + "/main/diff").status()).isEqualTo(403);
		assertThat(tokenOn(id, "write_database").post(branches("schema-read") + "/main/refresh-schema", "").status())
			.isEqualTo(204);
		assertThat(tokenOn(id, "read_branch").post(branches("schema-read") + "/main/refresh-schema", "").status())
			.isEqualTo(403);
		assertThat(this.api.get(branches("nosuch-schema") + "/main/schema").toString()).isEqualTo("404 " + NOT_FOUND);
		assertThat(this.api.get(path + "?namespace=%00").status()).isEqualTo(422);
	}

	private static final List<String> KEYSPACE_FIELDS = List.of("id", "name", "shards", "sharded", "replicas",
			"extra_replicas", "created_at", "updated_at", "cluster_name", "cluster_display_name", "resizing",
			"resize_in_progress", "resize_pending", "config_change_in_progress", "ready", "metal", "default",
			"imported", "vector_pool_allocation", "node_ttl_strategy", "replication_durability_constraints",
			"vreplication_flags", "mysqld_options", "vttablet_options");

	@Test
	void whenAMysqlBranchsKeyspacesAreListedThenItHasOneNamedAsItsDatabase() {
		readyDatabase("keyspaced");
		var keyspaces = branches("keyspaced") + "/main/keyspaces";

		var list = this.api.get(keyspaces);

		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		var body = list.json();
		assertThat(names(body)).containsExactlyInAnyOrderElementsOf(LIST_FIELDS);
		assertThat(body.get("data")).hasSize(1);
		var keyspace = body.get("data").get(0);
		assertThat(names(keyspace)).containsExactlyInAnyOrderElementsOf(KEYSPACE_FIELDS);
		assertThat(keyspace.get("id").asString()).matches(ID);
		assertThat(keyspace.get("name").asString()).isEqualTo("keyspaced");
		assertThat(keyspace.get("shards").asInt()).isEqualTo(1);
		assertThat(keyspace.get("sharded").asBoolean()).isFalse();
		assertThat(keyspace.get("default").asBoolean()).isTrue();
		assertThat(keyspace.get("ready").asBoolean()).isTrue();
		assertThat(keyspace.get("vector_pool_allocation").isNull()).isTrue();
		assertThat(keyspace.get("replication_durability_constraints").get("strategy").asString())
			.isEqualTo("available");
		assertThat(names(keyspace.get("vreplication_flags"))).containsExactlyInAnyOrder("optimize_inserts",
				"allow_no_blob_binlog_row_image", "vplayer_batching");
		var branch = this.api.get(branches("keyspaced") + "/main").json();
		assertThat(keyspace.get("cluster_name").asString()).isEqualTo(branch.get("cluster_name").asString());
		assertThat(keyspace.get("created_at").asString()).isEqualTo(branch.get("created_at").asString());
		assertThat(this.api.get(keyspaces + "/keyspaced").json()).isEqualTo(keyspace);
		assertThat(this.api.get(keyspaces + "/" + keyspace.get("id").asString()).json()).isEqualTo(keyspace);
		assertThat(this.api.get(keyspaces).json()).as("the same id on every read").isEqualTo(body);
		assertThat(this.api.get(keyspaces + "?page=2").json().get("data")).isEmpty();
		var keyspacedId = this.jdbc.queryForObject(
				"select id from planetscale_database where name = ? and organization_id = ?", String.class, "keyspaced",
				organizationId(this.organization));
		assertThat(
				this.api.get(branches(keyspacedId) + "/main/keyspaces?page=2").json().get("prev_page_url").asString())
			.as("links name the database, however the path did")
			.contains("/databases/keyspaced/branches/main/keyspaces");
		assertThat(this.api.get(keyspaces + "/other").toString()).isEqualTo("404 " + NOT_FOUND);
		assertThat(this.api.get(keyspaces + "/Not_A_Keyspace").json().get("message").asString()).isEqualTo(
				"keyspace must be 1 to 64 lowercase letters, digits, '-' or '_', starting with a letter or digit");

		this.api.post(this.databases,
				"{\"name\": \"pg-keyspaced\", \"kind\": \"postgresql\", \"cluster_size\": \"PS_5_AWS_X86\"}");
		assertThat(this.api.get(branches("pg-keyspaced") + "/main/keyspaces").toString()).isEqualTo("404 " + NOT_FOUND);
		var id = this.jdbc.queryForObject("select id from planetscale_database where name = ? and organization_id = ?",
				String.class, "keyspaced", organizationId(this.organization));
		assertThat(tokenOn(id, "read_branch").get(keyspaces).status()).isEqualTo(200);
		assertThat(tokenOn(id, "connect_branch").get(keyspaces).status()).isEqualTo(403);
	}

	private static JsonNode parameter(JsonNode list, String namespace, String name) {
		for (var parameter : list) {
			if (parameter.get("namespace").asString().equals(namespace)
					&& parameter.get("name").asString().equals(name)) {
				return parameter;
			}
		}
		throw new AssertionError("no parameter " + namespace + "." + name + " in " + list);
	}

	@Test
	void whenPscaleResizesAPostgresqlBranchThenTheChangeIsAppliedAndAnsweredCompleted() {
		var created = this.api.post(this.databases,
				"{\"name\": \"pg-resized\", \"kind\": \"postgresql\", \"cluster_size\": \"PS_5_AWS_X86\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		ready("pg-resized");
		var changes = branches("pg-resized") + "/main/changes";

		var resized = this.api.patch(changes, """
				{"cluster_size": "PS_10_AWS_X86", "replicas": 2, "parameters": {"pgconf": {"max_connections": "200"}}}
				""");
		var tuned = this.api.patch(changes, "{\"parameters\": {\"pgconf\": {\"work_mem\": \"8MB\"}}}");
		var again = this.api.patch(changes, "{\"cluster_size\": \"PS_10_AWS_X86\", \"replicas\": 2}");

		assertThat(resized.status()).as(resized.toString()).isEqualTo(200);
		var change = resized.json();
		assertThat(names(change)).containsExactlyInAnyOrderElementsOf(CHANGE_FIELDS);
		assertThat(change.get("state").asString()).isEqualTo("completed");
		assertThat(change.get("completed_at").asString()).matches(TIMESTAMP);
		assertThat(change.get("cluster_name").asString()).isEqualTo("PS_10_AWS_X86");
		assertThat(change.get("previous_cluster_name").asString()).isEqualTo("PS_5_AWS_X86");
		assertThat(change.get("replicas").asInt()).isEqualTo(2);
		assertThat(change.get("previous_replicas").asInt()).isZero();
		assertThat(tuned.status()).isEqualTo(200);
		assertThat(tuned.json().get("parameters").toString())
			.isEqualTo("{\"pgconf\":{\"max_connections\":\"200\",\"work_mem\":\"8MB\"}}");
		assertThat(again.status()).isEqualTo(204);
		assertThat(again.body()).isEmpty();
		assertThat(this.api.get(changes + "/" + change.get("id").asString()).json()).isEqualTo(change);
		assertThat(this.api.get(changes).json().get("data")).hasSize(2);
		var branch = this.api.get(branches("pg-resized") + "/main").json();
		assertThat(branch.get("cluster_name").asString()).isEqualTo("PS_10_AWS_X86");
		assertThat(branch.get("replicas").asInt()).isEqualTo(2);
	}

	@Test
	void whenParameterValuesAreWrittenAsPostgresqlWritesThemThenTheyAreStored() {
		this.api.post(this.databases,
				"{\"name\": \"pg-tuned\", \"kind\": \"postgresql\", \"cluster_size\": \"PS_5_AWS_X86\"}");
		ready("pg-tuned");
		var changes = branches("pg-tuned") + "/main/changes";
		var values = List.of("{\"pgconf\": {\"work_mem\": \"8 MB\", \"statement_timeout\": \"30s\"}}",
				"{\"pgconf\": {\"default_transaction_isolation\": \"Serializable\", \"random_page_cost\": \"1.1\"}}",
				"{\"pgconf\": {\"log_min_duration_statement\": \"-1\", \"lock_timeout\": \"2min\"}}",
				"{\"pgconf\": {\"maintenance_work_mem\": \"1GB\", \"idle_in_transaction_session_timeout\": \"0\"}}",
				"{\"pgbouncer\": {\"default_pool_size\": \"25\", \"max_client_conn\": \"100000\"}}");
		for (var accepted : values) {
			var answer = this.api.patch(changes, "{\"parameters\": " + accepted + "}");
			assertThat(answer.status()).as(accepted + " " + answer).isEqualTo(200);
		}
		assertThat(this.api.get(branches("pg-tuned") + "/main").json().get("parameters").toString())
			.isEqualTo("{\"pgbouncer\":{\"default_pool_size\":\"25\",\"max_client_conn\":\"100000\"},\"pgconf\":{"
					+ "\"default_transaction_isolation\":\"Serializable\",\"idle_in_transaction_session_timeout\":\"0\","
					+ "\"lock_timeout\":\"2min\",\"log_min_duration_statement\":\"-1\",\"maintenance_work_mem\":\"1GB\","
					+ "\"random_page_cost\":\"1.1\",\"statement_timeout\":\"30s\",\"work_mem\":\"8 MB\"}}");
	}

	@Test
	void whenPscaleCancelsQueuedChangesThenItIs204AndNothingChanges() {
		readyDatabase("mysql-cancelled");
		this.api.post(this.databases,
				"{\"name\": \"pg-cancelled\", \"kind\": \"postgresql\", \"cluster_size\": \"PS_5_AWS_X86\"}");
		ready("pg-cancelled");
		var changes = branches("pg-cancelled") + "/main/changes";
		assertThat(this.api.patch(changes, "{\"replicas\": 2}").status()).isEqualTo(200);
		var branch = this.api.get(branches("pg-cancelled") + "/main").json();
		var listed = this.api.get(changes).json();

		var cancelled = this.api.delete(changes);
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(204);
		assertThat(cancelled.body()).isEmpty();
		assertThat(this.api.delete(branches("pg-cancelled") + "/main/resizes").status()).isEqualTo(204);
		assertThat(this.api.delete(branches("mysql-cancelled") + "/main/resizes").status()).isEqualTo(204);
		assertThat(this.api.delete(branches("mysql-cancelled") + "/main/changes").toString()).isEqualTo(
				"422 {\"code\":\"unprocessable\",\"message\":\"branch changes are only for postgresql databases\"}");
		assertThat(this.api.delete(branches("pg-cancelled") + "/nosuch/changes").toString())
			.isEqualTo("404 " + NOT_FOUND);
		assertThat(this.api.delete(branches("nosuch-cancelled") + "/main/resizes").toString())
			.isEqualTo("404 " + NOT_FOUND);
		var id = this.jdbc.queryForObject("select id from planetscale_database where name = ? and organization_id = ?",
				String.class, "pg-cancelled", organizationId(this.organization));
		assertThat(tokenOn(id, "read_branch").delete(changes).status()).isEqualTo(403);
		assertThat(tokenOn(id, "write_database").delete(changes).status()).isEqualTo(204);
		assertThat(this.api.get(branches("pg-cancelled") + "/main").json()).isEqualTo(branch);
		assertThat(this.api.get(changes).json()).isEqualTo(listed);
	}

	@Test
	void whenAChangeRequestIsInvalidOrForAMysqlBranchThenItIs422AndNothingIsStored() {
		readyDatabase("mysql-changed");
		this.api.post(this.databases,
				"{\"name\": \"pg-refused\", \"kind\": \"postgresql\", \"cluster_size\": \"PS_5_AWS_X86\"}");
		ready("pg-refused");
		var changes = branches("pg-refused") + "/main/changes";
		var before = this.api.get(branches("pg-refused") + "/main").json();

		assertThat(
				this.api.patch(branches("mysql-changed") + "/main/changes", "{\"cluster_size\": \"PS_20\"}").toString())
			.isEqualTo(
					"422 {\"code\":\"unprocessable\",\"message\":\"branch changes are only for postgresql databases\"}");
		assertThat(this.api.patch(changes, "{\"replicas\": 1}").json().get("message").asString())
			.isEqualTo("replicas must be 0 (no high availability) or at least 2");
		assertThat(this.api.patch(changes, "{\"storage\": {\"minimum_storage_bytes\": 21474836480}}").toString())
			.isEqualTo("422 {\"code\":\"unprocessable\",\"message\":\"storage cannot be changed\"}");
		assertThat(this.api.patch(changes, "{\"cluster_size\": \"PS_NOPE\"}").status()).isEqualTo(422);
		assertThat(this.api.patch(changes, "{\"replicas\": \"two\"}").status()).isEqualTo(400);
		var terraform = branches("pg-refused") + "/main/terraform-changes";
		for (var path : List.of(changes, terraform)) {
			var method = path.equals(changes) ? "PATCH" : "PUT";
			Function<String, Api.Response> send = (body) -> this.api.send(method, path, body, "application/json");
			assertThat(send.apply("{\"parameters\": {\"pgconf\": {\"shared_buffers\": \"1GB\"}}}").toString())
				.isEqualTo("422 {\"code\":\"unprocessable\",\"message\":\"unknown parameter pgconf.shared_buffers: "
						+ "GET .../parameters lists those a change may set\"}");
			assertThat(send.apply("{\"parameters\": {\"pgbouncer\": {\"max_connections\": \"10\"}}}").status())
				.isEqualTo(422);
			assertThat(send.apply("{\"parameters\": {\"pgconf\": {\"port\": \"6543\"}}}").json().get("message"))
				.hasToString("\"parameter pgconf.port cannot be changed\"");
			assertThat(send.apply("{\"parameters\": {\"pgconf\": {\"max_connections\": \"0\"}}}")
				.json()
				.get("message")
				.asString()).isEqualTo("parameter pgconf.max_connections must be an integer from 1 to 262143");
			for (var wrong : List.of("{\"max_connections\": \"many\"}", "{\"max_connections\": \"262144\"}",
					"{\"max_connections\": \"99999999999999999999999\"}", "{\"work_mem\": \"32kB\"}",
					"{\"work_mem\": \"3PB\"}", "{\"work_mem\": \"4 MiB\"}", "{\"work_mem\": \"8mb\"}",
					"{\"statement_timeout\": \"30S\"}", "{\"statement_timeout\": \"-5s\"}",
					"{\"statement_timeout\": \"3 fortnights\"}", "{\"random_page_cost\": \"cheap\"}",
					"{\"default_transaction_isolation\": \"snapshot\"}", "{\"max_connections\": null}")) {
				var refused = send.apply("{\"parameters\": {\"pgconf\": " + wrong + "}}");
				assertThat(refused.status()).as(wrong + " " + refused).isEqualTo(422);
				assertThat(refused.json().get("message").asString()).as(wrong).startsWith("parameter pgconf.");
			}
		}
		assertThat(this.api.put(terraform, "{\"cluster_size\": \"PS_NOPE\"}").toString())
			.isEqualTo("422 {\"code\":\"unprocessable\",\"message\":\"cluster_size PS_NOPE does not exist\"}");
		var id = this.jdbc.queryForObject(
				"select id from planetscale_database where name = 'pg-refused' " + "and organization_id = ?",
				String.class, organizationId(this.organization));
		assertThat(tokenOn(id, "read_branch").patch(changes, "{\"replicas\": 2}").status()).isEqualTo(403);
		assertThat(this.api.get(branches("pg-refused") + "/main").json()).isEqualTo(before);
		assertThat(this.api.get(changes).json().get("data")).isEmpty();
	}

	/** A client whose new service token holds {@code access} on the database only. */
	private Api tokenOn(String databaseId, String access) {
		var issued = this.planetScaleCredentials.issueServiceToken(organizationId(this.organization), access, Set.of(),
				null);
		this.planetScaleCredentials.grant(issued.id(), Set.of(access), databaseId);
		return api().withHeader("Authorization", issued.id() + ":" + issued.secret());
	}

	/** The Authorization header of a new service token holding {@code accesses}. */
	private String token(Set<String> accesses) {
		var issued = this.planetScaleCredentials.issueServiceToken(organizationId(this.organization), "t", accesses,
				null);
		return issued.id() + ":" + issued.secret();
	}

}
