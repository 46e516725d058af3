package dev.dbplane.planetscale;

import java.time.Instant;

import dev.dbplane.Api;
import dev.dbplane.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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

	@BeforeEach
	void client() {
		this.api = api();
	}

	@Test
	void whenGettingAnOrganizationThenEveryFieldOfOrganizationComesBack() {
		var before = Instant.now().minusSeconds(1);
		var organization = PlanetScaleFixtures.organization(this.organizations);
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
		var body = this.api.get("/v1/organizations/dbplane").json();

		assertThat(body.get("name").asString()).isEqualTo("dbplane");
		var regions = this.api.get("/v1/organizations/dbplane/regions").json().get("data");
		assertThat(regions.get(0).get("slug").asString()).isEqualTo("us-east");
		assertThat(regions.get(0).get("current_default").asBoolean()).isTrue();
	}

	@Test
	void whenListingOrganizationsThenEveryOrganizationIsInTheEnvelopeWithItsCount() {
		var organization = PlanetScaleFixtures.organization(this.organizations);
		this.api.post(databases(organization), mysql("counted"));

		var found = findOnAnyPage(organization);

		assertThat(found.get("database_count").asInt()).isEqualTo(1);
		assertThat(found).isEqualTo(this.api.get("/v1/organizations/" + organization).json());
		assertThat(findOnAnyPage("dbplane")).isNotNull();
	}

	@Test
	void whenOrganizationsArePagedThenTheEnvelopeFollowsTheQuery() {
		var body = this.api.get("/v1/organizations?per_page=1").json();

		assertThat(names(body)).containsExactlyInAnyOrder("type", "current_page", "per_page", "next_page",
				"next_page_url", "prev_page", "prev_page_url", "data");
		assertThat(body.get("per_page").asInt()).isEqualTo(1);
		assertThat(body.get("data")).hasSize(1);
		assertThat(body.get("next_page").asInt()).isEqualTo(2);
		assertThat(body.get("next_page_url").asString())
			.isEqualTo("http://127.0.0.1:" + this.port + "/v1/organizations?page=2&per_page=1");
	}

	@Test
	void whenAConfiguredOrganizationIsEnsuredAgainThenItIsNotDuplicatedAndFollowsTheConfiguration() {
		var organization = PlanetScaleFixtures.organization(this.organizations);
		var id = this.api.get("/v1/organizations/" + organization).json().get("id").asString();

		this.organizations
			.ensure(new PlanetScaleProperties.OrganizationConfig(organization, "eu-central", "hobby", "ops@acme.test"));

		var body = this.api.get("/v1/organizations/" + organization).json();
		assertThat(body.get("id").asString()).isEqualTo(id);
		assertThat(body.get("plan").asString()).isEqualTo("hobby");
		assertThat(body.get("billing_email").asString()).isEqualTo("ops@acme.test");
		assertThat(this.jdbc.queryForObject("select count(*) from planetscale_organization where name = ?", Long.class,
				organization))
			.isEqualTo(1);
	}

	@Test
	void whenTheDefaultRegionIsNotInTheCatalogueThenTheOrganizationIsNotCreated() {
		var name = PlanetScaleFixtures.uniqueName("org");

		var created = this.organizations
			.ensure(new PlanetScaleProperties.OrganizationConfig(name, "eu-central-1", "scaler_pro", null));

		assertThat(created).isFalse();
		assertThat(this.api.get("/v1/organizations/" + name).status()).isEqualTo(404);
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
		var unknown = this.api.get("/v1/organizations/dbplane/nothing-here");
		var method = this.api.put("/v1/organizations/dbplane", "{}");

		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().toString()).isEqualTo("{\"code\":\"not_found\",\"message\":\"Not Found\"}");
		assertThat(method.status()).isEqualTo(405);
		assertThat(names(method.json())).containsExactly("code", "message");
		assertThat(method.json().get("code").asString()).isEqualTo("method_not_allowed");
	}

	private JsonNode findOnAnyPage(String name) {
		for (int page = 1;; page++) {
			var body = this.api.get("/v1/organizations?per_page=100&page=" + page).json();
			for (var organization : body.get("data")) {
				if (organization.get("name").asString().equals(name)) {
					return organization;
				}
			}
			if (body.get("next_page").isNull()) {
				throw new AssertionError("Organization " + name + " is not listed");
			}
		}
	}

}
