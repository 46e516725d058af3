package dev.dbplane.planetscale;

import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import dev.dbplane.Api;
import dev.dbplane.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.dbplane.Json.names;
import static dev.dbplane.planetscale.PlanetScaleFixtures.ID;
import static dev.dbplane.planetscale.PlanetScaleFixtures.TIMESTAMP;
import static dev.dbplane.planetscale.PlanetScaleFixtures.databases;
import static dev.dbplane.planetscale.PlanetScaleFixtures.mysql;
import static dev.dbplane.planetscale.PlanetScaleFixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

class DatabaseApiIntegrationTests extends IntegrationTest {

	private static final String NAME_RULE = "Name must be 1 to 64 lowercase letters, digits, '-' or '_', "
			+ "starting with a letter or digit";

	@Autowired
	private Organizations organizations;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private TransactionTemplate transactions;

	private Api api;

	private String organization;

	private String databases;

	@BeforeEach
	void organization() {
		this.organization = PlanetScaleFixtures.organization(this.organizations);
		this.api = planetscaleApi(this.organization);
		this.databases = databases(this.organization);
	}

	@Test
	void whenCreatingAMysqlDatabaseThenEveryFieldOfDatabaseComesBack() {
		var before = Instant.now().minusMillis(1);
		var response = this.api.post(this.databases, """
				{"Organization": "%s", "name": "app-db", "region": "us-east", "cluster_size": "PS_10", "kind": "mysql",
				 "notes": "ignored", "cloudflare_account_id": "ignored"}
				""".formatted(this.organization));

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.contentType()).startsWith("application/json");
		var body = response.json();
		assertThat(names(body)).containsExactlyInAnyOrder("id", "type", "url", "branches_url", "branches_count",
				"open_schema_recommendations_count", "development_branches_count", "production_branches_count",
				"issues_count", "multiple_admins_required_for_deletion", "ready", "at_backup_restore_branches_limit",
				"at_development_branch_usage_limit", "data_import", "region", "html_url", "name", "notes", "state",
				"sharded", "default_branch_shard_count", "default_branch_read_only_regions_count",
				"default_branch_table_count", "default_branch", "require_approval_for_deploy", "deletion_protected",
				"resizing", "resize_queued", "config_changing", "config_change_queued", "allow_data_branching",
				"foreign_keys_enabled", "automatic_migrations", "restrict_branch_region", "insights_raw_queries",
				"plan", "insights_enabled", "production_branch_web_console", "migration_table_name",
				"migration_framework", "created_at", "updated_at", "schema_last_updated_at", "kind");
		var base = "http://127.0.0.1:" + this.port;
		assertThat(body.get("id").asString()).matches(ID);
		assertThat(body.get("type").asString()).isEqualTo("Database");
		assertThat(body.get("url").asString())
			.isEqualTo(base + "/v1/organizations/" + this.organization + "/databases/app-db");
		assertThat(body.get("branches_url").asString())
			.isEqualTo(base + "/v1/organizations/" + this.organization + "/databases/app-db/branches");
		assertThat(body.get("html_url").asString()).isEqualTo(base + "/" + this.organization + "/app-db");
		assertThat(body.get("name").asString()).isEqualTo("app-db");
		assertThat(body.get("notes").asString()).isEmpty();
		assertThat(body.get("kind").asString()).isEqualTo("mysql");
		assertThat(body.get("state").asString()).isEqualTo("pending");
		assertThat(body.get("ready").isBoolean()).isTrue();
		assertThat(body.get("ready").asBoolean()).isFalse();
		assertThat(body.get("plan").asString()).isEqualTo("scaler_pro");
		assertThat(body.get("default_branch").asString()).isEqualTo("main");
		for (var count : new String[] { "branches_count", "production_branches_count", "default_branch_shard_count" }) {
			assertThat(body.get(count).isIntegralNumber()).as(count).isTrue();
			assertThat(body.get(count).asInt()).as(count).isEqualTo(1);
		}
		for (var count : new String[] { "open_schema_recommendations_count", "development_branches_count",
				"issues_count", "default_branch_read_only_regions_count", "default_branch_table_count" }) {
			assertThat(body.get(count).isIntegralNumber()).as(count).isTrue();
			assertThat(body.get(count).asInt()).as(count).isZero();
		}
		for (var flag : new String[] { "multiple_admins_required_for_deletion", "at_backup_restore_branches_limit",
				"at_development_branch_usage_limit", "sharded", "require_approval_for_deploy", "deletion_protected",
				"resizing", "resize_queued", "config_changing", "config_change_queued", "allow_data_branching",
				"foreign_keys_enabled", "restrict_branch_region", "insights_raw_queries",
				"production_branch_web_console" }) {
			assertThat(body.get(flag).isBoolean()).as(flag).isTrue();
			assertThat(body.get(flag).asBoolean()).as(flag).isFalse();
		}
		assertThat(body.get("insights_enabled").asBoolean()).isTrue();
		for (var nullable : new String[] { "data_import", "automatic_migrations", "migration_table_name",
				"migration_framework", "schema_last_updated_at" }) {
			assertThat(body.get(nullable).isNull()).as(nullable).isTrue();
		}
		assertThat(body.get("created_at").asString()).matches(TIMESTAMP);
		assertThat(Instant.parse(body.get("created_at").asString())).isBetween(before, Instant.now());
		assertThat(body.get("updated_at").asString()).isEqualTo(body.get("created_at").asString());
		assertRegion(body.get("region"), "us-east", true);
	}

	static void assertRegion(JsonNode region, String slug, boolean currentDefault) {
		assertThat(names(region)).containsExactlyInAnyOrder("id", "type", "provider", "enabled", "public_ip_addresses",
				"display_name", "location", "slug", "current_default", "mysql_supported", "postgresql_supported");
		assertThat(region.get("id").asString()).matches(ID);
		assertThat(region.get("type").asString()).isEqualTo("Region");
		assertThat(region.get("slug").asString()).isEqualTo(slug);
		assertThat(region.get("enabled").asBoolean()).isTrue();
		assertThat(region.get("public_ip_addresses").isArray()).isTrue();
		assertThat(region.get("current_default").asBoolean()).isEqualTo(currentDefault);
		assertThat(region.get("mysql_supported").isBoolean()).isTrue();
		assertThat(region.get("postgresql_supported").isBoolean()).isTrue();
	}

	@Test
	void whenADatabaseIsCreatedThenGetReturnsTheSameBody() {
		var created = this.api.post(this.databases, mysql("same-body")).json();

		var response = this.api.get(this.databases + "/same-body");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.json()).isEqualTo(created);
	}

	@Test
	void whenCreatingAPostgresqlDatabaseThenItsKindRegionAndStorageAreKept() {
		var response = this.api.post(this.databases, """
				{"name": "pg-db", "cluster_size": "PS_10_AWS_ARM", "kind": "postgresql", "major_version": "17",
				 "replicas": 2, "region": "eu-west",
				 "storage": {"minimum_storage_bytes": 10737418240, "maximum_storage_bytes": 107374182400}}
				""");

		assertThat(response.status()).isEqualTo(201);
		var body = response.json();
		assertThat(body.get("kind").asString()).isEqualTo("postgresql");
		assertThat(body.get("foreign_keys_enabled").asBoolean()).isTrue();
		assertRegion(body.get("region"), "eu-west", true);
		var stored = this.jdbc
			.queryForMap("select cluster_size, replicas, major_version, minimum_storage_bytes, maximum_storage_bytes "
					+ "from planetscale_database where id = ?", body.get("id").asString());
		assertThat(stored).containsEntry("cluster_size", "PS_10_AWS_ARM")
			.containsEntry("replicas", 2)
			.containsEntry("major_version", "17")
			.containsEntry("minimum_storage_bytes", 10737418240L)
			.containsEntry("maximum_storage_bytes", 107374182400L);
	}

	@Test
	void whenAPostgresqlDatabaseNamesNoMajorVersionThenItGetsTheNewest() {
		var body = this.api.post(this.databases, """
				{"name": "pg-newest", "cluster_size": "PS_5_AWS_X86", "kind": "postgresql"}
				""").json();

		assertThat(this.jdbc.queryForObject("select major_version from planetscale_database where id = ?", String.class,
				body.get("id").asString()))
			.isEqualTo("18");
	}

	@Test
	void whenTheClusterSizeIsDashedThenItIsReadAsUnderscored() {
		var response = this.api.post(this.databases, """
				{"name": "dashed", "cluster_size": "PS-10"}
				""");

		assertThat(response.status()).isEqualTo(201);
		assertThat(this.jdbc.queryForObject("select cluster_size from planetscale_database where id = ?", String.class,
				response.json().get("id").asString()))
			.isEqualTo("PS_10");
	}

	@Test
	void whenNoRegionIsNamedThenTheOrganizationsDefaultIsUsed() {
		var organization = PlanetScaleFixtures.organization(this.organizations, "gcp-us-central1");

		var body = planetscaleApi(organization).post(databases(organization), mysql("defaulted")).json();

		assertRegion(body.get("region"), "gcp-us-central1", true);
		assertThat(body.get("region").get("provider").asString()).isEqualTo("GCP");
	}

	static Stream<Arguments> createRules() {
		return Stream.of(rule("{'cluster_size': 'PS_10'}", "Name can't be blank"),
				rule("{'name': '', 'cluster_size': 'PS_10'}", "Name can't be blank"),
				rule("{'name': 'Upper', 'cluster_size': 'PS_10'}", NAME_RULE),
				rule("{'name': '-dash', 'cluster_size': 'PS_10'}", NAME_RULE),
				rule("{'name': 'a2345678901234567890123456789012345678901234567890123456789012345', 'cluster_size': 'PS_10'}",
						NAME_RULE),
				rule("{'name': 'v'}", "cluster_size can't be blank"),
				rule("{'name': 'v', 'cluster_size': 'PS_99'}", "cluster_size PS_99 does not exist"),
				rule("{'name': 'v', 'cluster_size': 'PS_10_AWS_ARM'}",
						"cluster_size PS_10_AWS_ARM is not available for mysql databases"),
				rule("{'name': 'v', 'cluster_size': 'PS_10', 'kind': 'postgresql'}",
						"cluster_size PS_10 is not available for postgresql databases"),
				rule("{'name': 'v', 'cluster_size': 'PS_10_GCP_ARM', 'kind': 'postgresql'}",
						"cluster_size PS_10_GCP_ARM is not available in region us-east"),
				rule("{'name': 'v', 'cluster_size': 'PS_10', 'kind': 'oracle'}", "kind must be mysql or postgresql"),
				rule("{'name': 'v', 'cluster_size': 'PS_10', 'region': 'eu-central-1'}",
						"region eu-central-1 does not exist"),
				rule("{'name': 'v', 'cluster_size': 'PS_10', 'region': '" + "r".repeat(70) + "'}",
						"region " + "r".repeat(64) + "... does not exist"),
				rule("{'name': 'v', 'cluster_size': 'PS_5_GCP_X86', 'kind': 'postgresql', 'region': 'gcp-asia-northeast3'}",
						"region gcp-asia-northeast3 does not support postgresql databases"),
				rule("{'name': 'v', 'cluster_size': 'PS_10', 'replicas': 2}",
						"replicas is only supported for postgresql databases"),
				rule("{'name': 'v', 'cluster_size': 'PS_10', 'major_version': '17'}",
						"major_version is only supported for postgresql databases"),
				rule("{'name': 'v', 'cluster_size': 'PS_10', 'storage': {'minimum_storage_bytes': 10737418240}}",
						"storage is only supported for postgresql databases"),
				rule("{'name': 'v', 'cluster_size': 'PS_10_AWS_X86', 'kind': 'postgresql', 'replicas': 1}",
						"replicas must be 0 (no high availability) or at least 2"),
				rule("{'name': 'v', 'cluster_size': 'PS_10_AWS_X86', 'kind': 'postgresql', 'replicas': -2}",
						"replicas must be 0 (no high availability) or at least 2"),
				rule("{'name': 'v', 'cluster_size': 'PS_10_AWS_X86', 'kind': 'postgresql', 'major_version': '12'}",
						"major_version must be one of 17, 18"),
				rule("{'name': 'v', 'cluster_size': 'PS_10_AWS_X86', 'kind': 'postgresql', "
						+ "'storage': {'minimum_storage_bytes': 10737418239}}",
						"Minimum storage bytes must be greater than or equal to 10 GB"),
				rule("{'name': 'v', 'cluster_size': 'PS_10_AWS_X86', 'kind': 'postgresql', "
						+ "'storage': {'minimum_storage_bytes': 21474836480, 'maximum_storage_bytes': 10737418240}}",
						"Maximum storage bytes must be greater than or equal to minimum storage bytes"),
				rule("{'name': 'v', 'cluster_size': 'PS_10_AWS_X86', 'kind': 'postgresql', "
						+ "'storage': {'maximum_storage_bytes': 1024}}",
						"Maximum storage bytes must be greater than or equal to 10 GB"));
	}

	/** A create body written with single quotes for readability, and its message. */
	private static Arguments rule(String body, String message) {
		return Arguments.of(body.replace('\'', '"'), message);
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("createRules")
	void whenTheCreateBodyBreaksARuleThenItIs422NamingTheField(String body, String message) {
		var response = this.api.post(this.databases, body);

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(names(response.json())).containsExactly("code", "message");
		assertThat(response.json().get("code").asString()).isEqualTo("unprocessable");
		assertThat(response.json().get("message").asString()).isEqualTo(message);
	}

	@Test
	void whenTheCreateBodyBreaksSeveralRulesThenOneMessageNamesEach() {
		var response = this.api.post(this.databases, """
				{"name": "Bad", "kind": "postgresql", "replicas": 1}
				""");

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("message").asString())
			.isEqualTo("Name must be 1 to 64 lowercase letters, digits, '-' or '_', starting with a letter or digit; "
					+ "cluster_size can't be blank; replicas must be 0 (no high availability) or at least 2");
	}

	@Test
	void whenPostgresqlReplicasAreZeroOrTwoThenTheyAreAccepted() {
		assertThat(this.api.post(this.databases, """
				{"name": "zero", "cluster_size": "PS_10_AWS_X86", "kind": "postgresql", "replicas": 0}
				""").status()).isEqualTo(201);
		assertThat(this.api.post(this.databases, """
				{"name": "two", "cluster_size": "PS_10_AWS_X86", "kind": "postgresql", "replicas": 2}
				""").status()).isEqualTo(201);
	}

	@Test
	void whenTheBodyIsMalformedOrOfTheWrongTypeThenItIs400BadRequest() {
		var malformed = this.api.post(this.databases, "{\"name\": ");
		var wrongType = this.api.post(this.databases, """
				{"name": "typed", "cluster_size": "PS_10", "replicas": "two"}
				""");

		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().get("code").asString()).isEqualTo("bad_request");
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.json().get("code").asString()).isEqualTo("bad_request");
		assertThat(wrongType.json().get("message").asString()).isEqualTo("replicas: must be an integer");
	}

	@Test
	void whenTheMediaTypeIsWrongOrTheBodyTooLargeThenTheErrorIsInPlanetScaleShape() {
		var mediaType = this.api.send("POST", this.databases, mysql("typed"), "text/plain");
		var tooLarge = this.api.post(this.databases,
				"{\"name\": \"large\", \"cluster_size\": \"PS_10\", \"notes\": \"" + "x".repeat(1024 * 1024) + "\"}");

		assertThat(mediaType.status()).isEqualTo(415);
		assertThat(names(mediaType.json())).containsExactly("code", "message");
		assertThat(mediaType.json().get("code").asString()).isEqualTo("unsupported_media_type");
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(names(tooLarge.json())).containsExactly("code", "message");
		assertThat(tooLarge.json().get("code").asString()).isEqualTo("payload_too_large");
	}

	/** Schemathesis sends it; Spring's multipart parsing failed on it with a 500. */
	@Test
	void whenTheContentTypeIsMultipartWithoutABoundaryThenAReadIgnoresItAndAWriteIs415() {
		var read = this.api.send("GET", this.databases, (String) null, "multipart/form-data");
		var write = this.api.send("POST", this.databases, mysql("multi"), "multipart/form-data");

		assertThat(read.status()).as(read.toString()).isEqualTo(200);
		assertThat(write.status()).isEqualTo(415);
		assertThat(names(write.json())).containsExactly("code", "message");
		assertThat(write.json().get("code").asString()).isEqualTo("unsupported_media_type");
	}

	@Test
	void whenTheNameIsTakenThenCreateIs422NameHasAlreadyBeenTaken() {
		this.api.post(this.databases, mysql("taken"));

		var response = this.api.post(this.databases, mysql("taken"));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().toString())
			.isEqualTo("{\"code\":\"unprocessable\",\"message\":\"Name has already been taken\"}");
	}

	@Test
	void whenTheDefaultRegionRefusesTheRequestThenNothingIsStoredEvenIfTheNameIsTaken() {
		var refused = """
				{"name": "%s", "cluster_size": "PS_10_GCP_ARM", "kind": "postgresql"}
				""";
		assertThat(this.api.post(this.databases, mysql("taken")).status()).isEqualTo(201);

		var fresh = this.api.post(this.databases, refused.formatted("fresh"));
		var taken = this.api.post(this.databases, refused.formatted("taken"));

		for (var response : new Api.Response[] { fresh, taken }) {
			assertThat(response.status()).as(response.toString()).isEqualTo(422);
			assertThat(response.json().get("message").asString())
				.isEqualTo("cluster_size PS_10_GCP_ARM is not available in region us-east");
		}
		assertThat(this.api.get(this.databases + "/fresh").status()).isEqualTo(404);
		assertThat(this.api.post(this.databases, mysql("fresh")).status()).isEqualTo(201);
	}

	@Test
	void whenARegionIsAddedToTheTableAfterStartUpThenDatabasesCanUseItAtOnce() {
		var slug = uniqueName("added");
		var id = uniqueName("r").substring(2);
		// The pool does not commit by itself.
		this.transactions.executeWithoutResult((status) -> this.jdbc.update("""
				insert into planetscale_region (id, slug, provider, display_name, location, mysql_supported,
				    postgresql_supported, sort_order)
				values (?, ?, 'AWS', 'Added by an operator', 'Somewhere', true, false, 100000)""", id, slug));
		try {
			var created = this.api.post(this.databases, """
					{"name": "placed", "cluster_size": "PS_10", "region": "%s"}
					""".formatted(slug));
			var read = this.api.get(this.databases + "/placed");

			assertThat(created.status()).as(created.toString()).isEqualTo(201);
			assertRegion(created.json().get("region"), slug, true);
			assertThat(read.json().get("region")).isEqualTo(created.json().get("region"));
			assertThat(read.json().get("region").get("display_name").asString()).isEqualTo("Added by an operator");
		}
		finally {
			this.transactions.executeWithoutResult((status) -> {
				this.jdbc.update("delete from planetscale_database where region_id = ?", id);
				this.jdbc.update("delete from planetscale_region where id = ?", id);
			});
		}
	}

	@Test
	void whenTheSameNameIsUsedInAnotherOrganizationThenBothExist() {
		var other = PlanetScaleFixtures.organization(this.organizations);

		assertThat(this.api.post(this.databases, mysql("shared")).status()).isEqualTo(201);
		assertThat(planetscaleApi(other).post(databases(other), mysql("shared")).status()).isEqualTo(201);
	}

	@Test
	void whenTwentyRequestsCreateOneNameAtOnceThenExactlyOneSucceeds() throws Exception {
		int requests = 20;
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(requests);
		try {
			var results = new ArrayList<Future<Api.Response>>();
			for (int i = 0; i < requests; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return this.api.post(this.databases, mysql("raced"));
				}));
			}
			start.countDown();
			var statuses = new ArrayList<Integer>();
			var messages = new ArrayList<String>();
			for (var result : results) {
				var response = result.get();
				statuses.add(response.status());
				if (response.status() == 422) {
					messages.add(response.json().get("message").asString());
				}
			}

			assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
			assertThat(statuses).filteredOn((status) -> status == 422).hasSize(requests - 1);
			assertThat(messages).containsOnly("Name has already been taken");
			assertThat(this.jdbc.queryForObject(
					"select count(*) from planetscale_database d join planetscale_organization o "
							+ "on o.id = d.organization_id where o.name = ? and d.name = 'raced'",
					Long.class, this.organization))
				.isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void whenTheOrganizationIsUnknownThenEveryDatabaseEndpointIs404NotFound() {
		var unknown = databases(uniqueName("nobody"));

		for (var response : new Api.Response[] { this.api.get(unknown), this.api.post(unknown, mysql("x")),
				this.api.get(unknown + "/x"), this.api.patch(unknown + "/x", "{}"), this.api.delete(unknown + "/x"),
				this.api.get(unknown + "/x/regions") }) {
			assertThat(response.status()).isEqualTo(404);
			assertThat(response.contentType()).startsWith("application/json");
			assertThat(response.json().toString()).isEqualTo("{\"code\":\"not_found\",\"message\":\"Not Found\"}");
		}
	}

	@Test
	void whenTheDatabaseIsUnknownThenItIs404NotFound() {
		var response = this.api.get(this.databases + "/missing");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().toString()).isEqualTo("{\"code\":\"not_found\",\"message\":\"Not Found\"}");
	}

	@Test
	void whenAPathSegmentCannotBeANameThenItIs422NamingTheSegment() {
		var organization = this.api.get("/v1/organizations/Not_Lower/databases");
		var database = this.api.get(this.databases + "/Not_Lower");

		assertThat(organization.status()).isEqualTo(422);
		assertThat(organization.json().get("code").asString()).isEqualTo("unprocessable");
		assertThat(organization.json().get("message").asString()).isEqualTo(
				"organization must be 1 to 64 lowercase letters, digits, '-' or '_', starting with a letter or digit");
		assertThat(database.status()).isEqualTo(422);
		assertThat(database.json().get("message").asString()).isEqualTo(
				"database must be 1 to 64 lowercase letters, digits, '-' or '_', starting with a letter or digit");
	}

	@Test
	void whenPatchingSettingsWhilePendingThenTheyAreStoredAndTheDatabaseStaysPending() {
		this.api.post(this.databases, mysql("settings"));

		var response = this.api.patch(this.databases + "/settings",
				"""
						{"require_approval_for_deploy": true, "restrict_branch_region": true, "allow_data_branching": true,
						 "allow_foreign_key_constraints": true, "insights_raw_queries": true,
						 "production_branch_web_console": true, "default_branch": "trunk",
						 "automatic_migrations": true, "migration_framework": "rails", "migration_table_name": "schema_migrations",
						 "unknown_setting": 1}
						""");

		assertThat(response.status()).isEqualTo(200);
		var body = response.json();
		assertThat(body.get("require_approval_for_deploy").asBoolean()).isTrue();
		assertThat(body.get("restrict_branch_region").asBoolean()).isTrue();
		assertThat(body.get("allow_data_branching").asBoolean()).isTrue();
		assertThat(body.get("foreign_keys_enabled").asBoolean()).isTrue();
		assertThat(body.get("insights_raw_queries").asBoolean()).isTrue();
		assertThat(body.get("production_branch_web_console").asBoolean()).isTrue();
		assertThat(body.get("default_branch").asString()).isEqualTo("trunk");
		assertThat(body.get("automatic_migrations").asBoolean()).isTrue();
		assertThat(body.get("migration_framework").asString()).isEqualTo("rails");
		assertThat(body.get("migration_table_name").asString()).isEqualTo("schema_migrations");
		assertThat(body.get("state").asString()).isEqualTo("pending");
		assertThat(body.get("ready").asBoolean()).isFalse();
		assertThat(Instant.parse(body.get("updated_at").asString()))
			.isAfterOrEqualTo(Instant.parse(body.get("created_at").asString()));
		assertThat(this.api.get(this.databases + "/settings").json()).isEqualTo(body);
	}

	@Test
	void whenAPatchChangesNothingThenUpdatedAtStays() {
		var created = this.api.post(this.databases, mysql("unchanged")).json();

		var body = this.api.patch(this.databases + "/unchanged", "{\"deletion_protected\": false}").json();

		assertThat(body.get("updated_at").asString()).isEqualTo(created.get("updated_at").asString());
	}

	@Test
	void whenAutomaticMigrationsAreTurnedOnWithoutFrameworkAndTableThenPatchIs422() {
		this.api.post(this.databases, mysql("migrations"));

		var response = this.api.patch(this.databases + "/migrations", """
				{"automatic_migrations": true, "migration_framework": "rails"}
				""");

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("message").asString())
			.isEqualTo("automatic_migrations requires migration_framework and migration_table_name to be set");
		assertThat(this.api.get(this.databases + "/migrations").json().get("migration_framework").isNull()).isTrue();
	}

	@Test
	void whenAPatchAsksForAnotherClusterSizeThenItIs422() {
		this.api.post(this.databases, mysql("sized"));

		var other = this.api.patch(this.databases + "/sized", "{\"cluster_size\": \"PS_20\"}");
		var same = this.api.patch(this.databases + "/sized", "{\"cluster_size\": \"PS-10\"}");

		assertThat(other.status()).isEqualTo(422);
		assertThat(other.json().get("message").asString())
			.isEqualTo("cluster_size cannot be changed by updating the database");
		assertThat(same.status()).isEqualTo(200);
	}

	@Test
	void whenAPatchCarriesNewNameThenTheDatabaseIsRenamedAndItsUrlsFollow() {
		var created = this.api.post(this.databases, mysql("before")).json();

		var response = this.api.patch(this.databases + "/before", """
				{"new_name": "after"}
				""");

		assertThat(response.status()).isEqualTo(200);
		var body = response.json();
		assertThat(body.get("id").asString()).isEqualTo(created.get("id").asString());
		assertThat(body.get("name").asString()).isEqualTo("after");
		assertThat(body.get("url").asString()).endsWith("/v1/organizations/" + this.organization + "/databases/after");
		assertThat(body.get("html_url").asString()).endsWith("/" + this.organization + "/after");
		assertThat(this.api.get(this.databases + "/after").status()).isEqualTo(200);
		assertThat(this.api.get(this.databases + "/before").status()).isEqualTo(404);
	}

	@Test
	void whenRenamingToATakenOrInvalidNameThenPatchIs422() {
		this.api.post(this.databases, mysql("first"));
		this.api.post(this.databases, mysql("second"));

		var taken = this.api.patch(this.databases + "/second", "{\"new_name\": \"first\"}");
		var invalid = this.api.patch(this.databases + "/second", "{\"new_name\": \"First\"}");

		assertThat(taken.status()).isEqualTo(422);
		assertThat(taken.json().get("message").asString()).isEqualTo("Name has already been taken");
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.json().get("message").asString()).isEqualTo(
				"new_name must be 1 to 64 lowercase letters, digits, '-' or '_', starting with a letter or digit");
		assertThat(this.api.get(this.databases + "/second").status()).isEqualTo(200);
	}

	@Test
	void whenDeletingThenItIs204WithAnEmptyBodyAndTheNameIsFreeAgain() {
		this.api.post(this.databases, mysql("doomed"));

		var response = this.api.send("DELETE", this.databases + "/doomed", (String) null, "application/json");

		assertThat(response.status()).isEqualTo(204);
		assertThat(response.body()).isEmpty();
		assertThat(this.api.get(this.databases + "/doomed").status()).isEqualTo(404);
		assertThat(this.api.delete(this.databases + "/doomed").status()).isEqualTo(404);
		assertThat(this.api.post(this.databases, mysql("doomed")).status()).isEqualTo(201);
	}

	@Test
	void whenTheDatabaseIsDeletionProtectedThenDeleteIs422UntilProtectionIsOff() {
		this.api.post(this.databases, mysql("protected"));
		this.api.patch(this.databases + "/protected", "{\"deletion_protected\": true}");

		var refused = this.api.delete(this.databases + "/protected");

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("code").asString()).isEqualTo("unprocessable");
		assertThat(refused.json().get("message").asString())
			.isEqualTo("Database protected is deletion_protected; set deletion_protected to false to delete it");
		assertThat(this.api.get(this.databases + "/protected").status()).isEqualTo(200);
		this.api.patch(this.databases + "/protected", "{\"deletion_protected\": false}");
		assertThat(this.api.delete(this.databases + "/protected").status()).isEqualTo(204);
	}

	@Test
	void whenListingADatabasesRegionsThenTheyAreThoseOfItsEngineWithItsOwnAsDefault() {
		this.api.post(this.databases, """
				{"name": "pg-regions", "cluster_size": "PS_10_AWS_X86", "kind": "postgresql", "region": "eu-west"}
				""");

		var response = this.api.get(this.databases + "/pg-regions/regions?per_page=100");

		assertThat(response.status()).isEqualTo(200);
		var body = response.json();
		assertThat(names(body)).containsExactlyInAnyOrder("type", "current_page", "per_page", "next_page",
				"next_page_url", "prev_page", "prev_page_url", "data");
		var slugs = new ArrayList<String>();
		for (var region : body.get("data")) {
			assertThat(region.get("postgresql_supported").asBoolean()).isTrue();
			assertThat(region.get("current_default").asBoolean())
				.isEqualTo("eu-west".equals(region.get("slug").asString()));
			slugs.add(region.get("slug").asString());
		}
		assertThat(slugs).contains("us-east", "eu-west", "gcp-us-central1").doesNotContain("gcp-asia-northeast3");
	}

	@Test
	void whenBranchesAreRestrictedToTheRegionThenTheDatabaseListsOnlyItsOwn() {
		this.api.post(this.databases, mysql("restricted"));
		this.api.patch(this.databases + "/restricted", "{\"restrict_branch_region\": true}");

		var data = this.api.get(this.databases + "/restricted/regions").json().get("data");

		assertThat(data).hasSize(1);
		assertRegion(data.get(0), "us-east", true);
	}

}
