package dev.dbplane.planetscale;

import java.time.Instant;

import dev.dbplane.Api;
import dev.dbplane.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.dbplane.Json.names;
import static dev.dbplane.planetscale.PlanetScaleFixtures.ID;
import static dev.dbplane.planetscale.PlanetScaleFixtures.TIMESTAMP;
import static dev.dbplane.planetscale.PlanetScaleFixtures.databases;
import static dev.dbplane.planetscale.PlanetScaleFixtures.mysql;
import static org.assertj.core.api.Assertions.assertThat;

class OrganizationApiIntegrationTests extends IntegrationTest {

	@Autowired
	private Organizations organizations;

	@Autowired
	private JdbcTemplate jdbc;

	private Api api;

	private String organization;

	@BeforeEach
	void client() {
		this.organization = PlanetScaleFixtures.organization(this.organizations);
		this.api = planetscaleApi(this.organization);
	}

	@Test
	void whenGettingAnOrganizationThenEveryFieldOfOrganizationComesBack() {
		var before = Instant.now().minusSeconds(3);
		var organization = this.organization;
		this.api.post(databases(organization), mysql("one"));
		this.api.post(databases(organization), mysql("two"));

		var response = this.api.get("/v1/organizations/" + organization);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		var body = response.json();
		assertThat(names(body)).containsExactlyInAnyOrder("id", "name", "billing_email", "created_at", "updated_at",
				"plan", "valid_billing_info", "sso", "sso_directory", "single_tenancy", "managed_tenancy",
				"has_past_due_invoices", "database_count", "sso_portal_url", "features", "idp_managed_roles",
				"invoice_budget_amount", "keyspace_shard_limit", "has_card", "payment_info_required");
		assertThat(body.get("id").asString()).matches(ID);
		assertThat(body.get("name").asString()).isEqualTo(organization);
		assertThat(body.get("billing_email").asString()).isEqualTo(organization + "@dbplane.invalid");
		assertThat(body.get("created_at").asString()).matches(TIMESTAMP);
		assertThat(Instant.parse(body.get("created_at").asString())).isBetween(before, Instant.now());
		assertThat(body.get("updated_at").asString()).matches(TIMESTAMP);
		assertThat(body.get("plan").asString()).isEqualTo("scaler_pro");
		assertThat(body.get("database_count").isIntegralNumber()).isTrue();
		assertThat(body.get("database_count").asInt()).isEqualTo(2);
		assertThat(body.get("sso_portal_url").isNull()).isTrue();
		assertThat(body.get("features").isObject()).isTrue();
		assertThat(body.get("invoice_budget_amount").isString()).isTrue();
		assertThat(body.get("keyspace_shard_limit").isIntegralNumber()).isTrue();
		for (var flag : new String[] { "valid_billing_info", "sso", "sso_directory", "single_tenancy",
				"managed_tenancy", "has_past_due_invoices", "idp_managed_roles", "has_card",
				"payment_info_required" }) {
			assertThat(body.get(flag).isBoolean()).as(flag).isTrue();
		}
	}

	@Test
	void whenNothingIsConfiguredThenTheDefaultOrganizationExists() {
		var api = planetscaleApi("dbplane");
		var body = api.get("/v1/organizations/dbplane").json();

		assertThat(body.get("name").asString()).isEqualTo("dbplane");
		var regions = api.get("/v1/organizations/dbplane/regions").json().get("data");
		assertThat(regions.get(0).get("slug").asString()).isEqualTo("us-east");
		assertThat(regions.get(0).get("current_default").asBoolean()).isTrue();
	}

	@Test
	void whenListingOrganizationsThenTheCredentialsOrganizationIsListedWithItsCount() {
		this.api.post(databases(this.organization), mysql("counted"));

		var body = this.api.get("/v1/organizations").json();

		assertThat(body.get("data")).hasSize(1);
		var found = body.get("data").get(0);
		assertThat(found.get("name").asString()).isEqualTo(this.organization);
		assertThat(found.get("database_count").asInt()).isEqualTo(1);
		assertThat(found).isEqualTo(this.api.get("/v1/organizations/" + this.organization).json());
	}

	@Test
	void whenOrganizationsArePagedThenTheEnvelopeFollowsTheQuery() {
		var body = this.api.get("/v1/organizations?per_page=1").json();
		var past = this.api.get("/v1/organizations?per_page=1&page=2").json();

		assertThat(names(body)).containsExactlyInAnyOrder("type", "current_page", "per_page", "next_page",
				"next_page_url", "prev_page", "prev_page_url", "data");
		assertThat(body.get("per_page").asInt()).isEqualTo(1);
		assertThat(body.get("data")).hasSize(1);
		assertThat(body.get("next_page").isNull()).isTrue();
		assertThat(past.get("data")).isEmpty();
		assertThat(past.get("prev_page").asInt()).isEqualTo(1);
		assertThat(past.get("prev_page_url").asString())
			.isEqualTo("http://127.0.0.1:" + this.port + "/v1/organizations?page=1&per_page=1");
	}

	@Test
	void whenAConfiguredOrganizationIsEnsuredAgainThenItIsNotDuplicatedAndFollowsTheConfiguration() {
		var organization = this.organization;
		var id = this.api.get("/v1/organizations/" + organization).json().get("id").asString();

		this.organizations.ensure(new PlanetScaleProperties.OrganizationConfig(organization, "eu-central", "hobby",
				"ops@acme.test", null, null, null));

		var body = this.api.get("/v1/organizations/" + organization).json();
		assertThat(body.get("id").asString()).isEqualTo(id);
		assertThat(body.get("plan").asString()).isEqualTo("hobby");
		assertThat(body.get("billing_email").asString()).isEqualTo("ops@acme.test");
		assertThat(this.jdbc.queryForObject("select count(*) from planetscale_organization where name = ?", Long.class,
				organization))
			.isEqualTo(1);
	}

	@Test
	void whenReplicasEnsureOneOrganizationAtOnceThenExactlyOneRowExists() throws Exception {
		var name = PlanetScaleFixtures.uniqueName("race");
		var config = new PlanetScaleProperties.OrganizationConfig(name, "us-west", "scaler_pro", null, null, null,
				null);
		var start = new java.util.concurrent.CountDownLatch(1);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
		try {
			var results = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
			for (int i = 0; i < 10; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return this.organizations.ensure(config);
				}));
			}
			start.countDown();
			for (var result : results) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(this.jdbc.queryForObject("select count(*) from planetscale_organization where name = ?", Long.class,
				name))
			.isEqualTo(1);
	}

	@Test
	void whenTheDefaultRegionIsNotInTheCatalogueThenTheOrganizationIsNotCreated() {
		var name = PlanetScaleFixtures.uniqueName("org");

		var created = this.organizations.ensure(new PlanetScaleProperties.OrganizationConfig(name, "eu-central-1",
				"scaler_pro", null, null, null, null));

		assertThat(created).isFalse();
		assertThat(this.jdbc.queryForObject("select count(*) from planetscale_organization where name = ?", Long.class,
				name))
			.isZero();
	}

	@Test
	void whenTheOrganizationIsUnknownThenItIs404NotFound() {
		var response = this.api.get("/v1/organizations/" + PlanetScaleFixtures.uniqueName("nobody"));

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.json().toString()).isEqualTo("{\"code\":\"not_found\",\"message\":\"Not Found\"}");
	}

	@Test
	void whenThePathIsUnknownOrTheMethodWrongThenThePlanetScaleShapeIsUsed() {
		var unknown = this.api.get("/v1/organizations/" + this.organization + "/nothing-here");
		var method = this.api.put("/v1/organizations/" + this.organization, "{}");

		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().toString()).isEqualTo("{\"code\":\"not_found\",\"message\":\"Not Found\"}");
		assertThat(method.status()).isEqualTo(405);
		assertThat(names(method.json())).containsExactly("code", "message");
		assertThat(method.json().get("code").asString()).isEqualTo("method_not_allowed");
	}

}
