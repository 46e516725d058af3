package dev.dbplane.planetscale;

import java.util.List;
import java.util.Set;

import dev.dbplane.Api;
import dev.dbplane.IntegrationTest;
import dev.dbplane.security.Secrets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.dbplane.Json.names;
import static dev.dbplane.planetscale.PlanetScaleFixtures.databases;
import static dev.dbplane.planetscale.PlanetScaleFixtures.mysql;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The credential matrix of the PlanetScale family: no credential, malformed, unknown,
 * deleted, another organization's, lacking the access, valid; and the service-token API
 * itself.
 */
@ExtendWith(OutputCaptureExtension.class)
class PlanetScaleAccessIntegrationTests extends IntegrationTest {

	private static final String NOT_FOUND = "{\"code\":\"not_found\",\"message\":\"Not Found\"}";

	@Autowired
	private Organizations organizations;

	@Autowired
	private JdbcTemplate jdbc;

	private String organization;

	private Api admin;

	@BeforeEach
	void organizationWithADatabase() {
		this.organization = PlanetScaleFixtures.organization(this.organizations);
		this.admin = planetscaleApi(this.organization);
		assertThat(this.admin.post(databases(this.organization), mysql("alpha")).status()).isEqualTo(201);
		assertThat(this.admin.post(databases(this.organization), mysql("beta")).status()).isEqualTo(201);
	}

	private List<String[]> organizationScopedCalls() {
		var org = "/v1/organizations/" + this.organization;
		return List.of(new String[] { "GET", org, null }, new String[] { "GET", org + "/regions", null },
				new String[] { "GET", org + "/cluster-size-skus", null },
				new String[] { "GET", databases(this.organization), null },
				new String[] { "POST", databases(this.organization), mysql("gamma") },
				new String[] { "GET", databases(this.organization) + "/alpha", null },
				new String[] { "PATCH", databases(this.organization) + "/alpha", "{\"notes\": \"x\"}" },
				new String[] { "DELETE", databases(this.organization) + "/alpha", null },
				new String[] { "GET", databases(this.organization) + "/alpha/regions", null },
				new String[] { "GET", org + "/service-tokens", null });
	}

	private static Api.Response send(Api api, String[] call) {
		return api.send(call[0], call[1], call[2], (call[2] != null) ? "application/json" : null);
	}

	@Test
	void whenNoCredentialIsSentThenEveryCallIs401ButPublicRegionsAnswer() {
		for (var call : organizationScopedCalls()) {
			var response = send(api(), call);
			assertThat(response.status()).as(call[0] + " " + call[1]).isEqualTo(401);
			assertThat(response.json().get("code").asString()).isEqualTo("unauthorized");
		}
		assertThat(api().get("/v1/organizations").status()).isEqualTo(401);
		assertThat(api().get("/v1/regions").status()).isEqualTo(200);
	}

	@Test
	void whenTheServiceTokenIsInvalidThenOrganizationCallsAre404AndTheOrganizationListIs401() {
		var valid = this.planetScaleCredentials.issueServiceToken(organizationId(this.organization), "t",
				PlanetScaleAccesses.all(), null);
		var invalid = List.of("garbage", valid.id() + ":wrong", "unknownid123:" + valid.secret(), valid.secret(),
				":" + valid.secret(), valid.id() + ":");
		for (var header : invalid) {
			var api = api().withHeader("Authorization", header);
			for (var call : organizationScopedCalls()) {
				var response = send(api, call);
				assertThat(response.status()).as(header + " " + call[1]).isEqualTo(404);
				assertThat(response.json().toString()).isEqualTo(NOT_FOUND);
			}
			var list = api.get("/v1/organizations");
			assertThat(list.status()).isEqualTo(401);
			assertThat(list.json().get("code").asString()).isEqualTo("unauthorized");
		}
	}

	@Test
	void whenTheBearerTokenIsInvalidThenTheOAuthStyleBodyComesBack() {
		var response = api().withHeader("Authorization", "Bearer pscale_oauth_nonsense")
			.get(databases(this.organization));

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().toString()).isEqualTo(
				"{\"error\":\"invalid_token\",\"error_description\":\"The access token is invalid\",\"state\":\"unauthorized\"}");
	}

	@Test
	void whenABearerTokenIsValidThenItActsAsTheOrganizationsAdministrator() {
		var bearer = api().withHeader("Authorization", "Bearer " + accessToken());

		assertThat(bearer.get(databases(this.organization)).json().get("data")).hasSize(2);
		assertThat(bearer.post(databases(this.organization), mysql("gamma")).status()).isEqualTo(201);
		assertThat(bearer.get("/v1/organizations").json().get("data").get(0).get("name").asString())
			.isEqualTo(this.organization);
	}

	@Test
	void whenAnotherOrganizationsTokenIsUsedThenNothingOfThisOrganizationIsVisible() {
		var other = PlanetScaleFixtures.organization(this.organizations);
		var outsider = planetscaleApi(other);
		for (var call : organizationScopedCalls()) {
			var response = send(outsider, call);
			assertThat(response.status()).as(call[0] + " " + call[1]).isEqualTo(404);
			assertThat(response.json().toString()).isEqualTo(NOT_FOUND);
		}
		var listed = outsider.get("/v1/organizations").json().get("data");
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("name").asString()).isEqualTo(other);
		assertThat(this.admin.get(databases(this.organization) + "/alpha").status()).isEqualTo(200);
	}

	@Test
	void whenTheTokenLacksAnOrganizationAccessThenItIs403Forbidden() {
		var reader = planetscaleApi(this.organization, Set.of(PlanetScaleAccesses.READ_DATABASE));

		var organization = reader.get("/v1/organizations/" + this.organization);
		var sizes = reader.get("/v1/organizations/" + this.organization + "/cluster-size-skus");
		var create = reader.post(databases(this.organization), mysql("gamma"));

		for (var response : List.of(organization, sizes, create)) {
			assertThat(response.status()).isEqualTo(403);
			assertThat(names(response.json())).containsExactly("code", "message");
			assertThat(response.json().get("code").asString()).isEqualTo("forbidden");
		}
		assertThat(reader.get(databases(this.organization)).json().get("data")).hasSize(2);
	}

	@Test
	void whenTheTokenHasAccessToOneDatabaseThenItSeesOnlyThatOneAndOnlyReads() {
		var token = this.planetScaleCredentials.issueServiceToken(organizationId(this.organization), "one", Set.of(),
				null);
		var api = api().withHeader("Authorization", token.id() + ":" + token.secret());
		assertThat(this.admin
			.post("/v1/organizations/" + this.organization + "/service-tokens/" + token.id() + "/access",
					"{\"database\": \"alpha\", \"access\": [\"read_database\", \"read_branch\"]}")
			.status()).isEqualTo(200);

		// Two accesses on one database: still one database in the list and its count.
		var list = api.get(databases(this.organization)).json();
		assertThat(list.get("data")).hasSize(1);
		assertThat(list.get("total_count").asInt()).isEqualTo(1);
		assertThat(list.get("data").get(0).get("name").asString()).isEqualTo("alpha");
		assertThat(api.get(databases(this.organization) + "/alpha").status()).isEqualTo(200);
		assertThat(api.get(databases(this.organization) + "/beta").json().toString()).isEqualTo(NOT_FOUND);
		assertThat(api.patch(databases(this.organization) + "/alpha", "{\"notes\": \"x\"}").status()).isEqualTo(403);
		assertThat(api.delete(databases(this.organization) + "/alpha").status()).isEqualTo(403);
	}

	@Test
	void whenTheTokenHasNoDatabaseAccessThenTheListIsEmpty() {
		var api = planetscaleApi(this.organization, Set.of(PlanetScaleAccesses.READ_ORGANIZATION));

		var list = api.get(databases(this.organization));

		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().get("data")).isEmpty();
		assertThat(list.json().get("total_count").asInt()).isZero();
	}

	@Test
	void whenATokenCreatesADatabaseThenItGetsEveryAccessOnItAndOnNothingElse() {
		var creator = planetscaleApi(this.organization, Set.of(PlanetScaleAccesses.CREATE_DATABASES));

		assertThat(creator.post(databases(this.organization), mysql("mine")).status()).isEqualTo(201);

		assertThat(creator.get(databases(this.organization)).json().get("data")).hasSize(1);
		assertThat(creator.patch(databases(this.organization) + "/mine", "{\"notes\": \"mine\"}").status())
			.isEqualTo(200);
		assertThat(creator.get(databases(this.organization) + "/alpha").status()).isEqualTo(404);
		assertThat(accessRowsOn("mine")).containsExactly("*");
		assertThat(creator.delete(databases(this.organization) + "/mine").status()).isEqualTo(204);
	}

	@Test
	void whenABearerTokenCreatesADatabaseThenNoServiceTokenAccessIsWritten() {
		var bearer = api().withHeader("Authorization", "Bearer " + accessToken());

		var created = bearer.post(databases(this.organization), mysql("by-bearer"));

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(bearer.get(databases(this.organization) + "/by-bearer").status()).isEqualTo(200);
		assertThat(accessRowsOn("by-bearer")).isEmpty();
	}

	/**
	 * A new Bearer token of the organization. No endpoint issues one: configuration
	 * declares them ({@code dbplane.planetscale.organizations[].access-token}), so the
	 * test declares one the same way.
	 */
	private String accessToken() {
		var token = "pscale_oauth_" + Secrets.random(40);
		this.planetScaleCredentials.declareAccessToken(organizationId(this.organization), token);
		return token;
	}

	/**
	 * The database-level access rows, of any token, on one of the organization's
	 * databases.
	 */
	private List<String> accessRowsOn(String database) {
		return this.jdbc.queryForList("""
				select a.access from planetscale_service_token_access a
				join planetscale_database d on d.id = a.database_id
				join planetscale_organization o on o.id = d.organization_id
				where o.name = ? and d.name = ?""", String.class, this.organization, database);
	}

	@Test
	void whenAServiceTokenIsCreatedThenItsSecretIsShownOnceAndItWorksOnlyWithGrantedAccesses(CapturedOutput output) {
		var tokens = "/v1/organizations/" + this.organization + "/service-tokens";

		var created = this.admin.post(tokens, "{\"name\": \"ci\"}");

		assertThat(created.status()).isEqualTo(200);
		var body = created.json();
		assertThat(body.get("id").asString()).matches("^[0-9a-z]{12}$");
		assertThat(body.get("token").asString()).startsWith("pscale_tkn_");
		assertThat(body.get("type").asString()).isEqualTo("ServiceToken");
		assertThat(names(body)).contains("id", "name", "display_name", "token", "created_at", "updated_at",
				"expires_at", "last_used_at", "service_token_accesses");
		var id = body.get("id").asString();
		var secret = body.get("token").asString();
		var api = api().withHeader("Authorization", id + ":" + secret);
		assertThat(api.get(databases(this.organization)).json().get("data")).isEmpty();

		var granted = this.admin.post(tokens + "/" + id + "/access", "{\"access\": [\"read_database\"]}");
		assertThat(granted.status()).isEqualTo(200);
		assertThat(granted.json().get("data").get(0).get("access").asString()).isEqualTo("read_database");
		assertThat(granted.json().get("data").get(0).get("resource_type").asString()).isEqualTo("Organization");
		assertThat(api.get(databases(this.organization)).json().get("data")).hasSize(2);

		var listed = this.admin.get(tokens);
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.body()).doesNotContain(secret);
		assertThat(listed.json().get("data")).allSatisfy((token) -> assertThat(token.get("token").isNull()).isTrue());
		assertThat(this.admin.get(tokens + "/" + id).json().get("service_token_accesses")).hasSize(1);

		assertThat(this.admin
			.send("DELETE", tokens + "/" + id + "/access", "{\"access\": [\"read_database\"]}", "application/json")
			.status()).isEqualTo(204);
		assertThat(api.get(databases(this.organization)).json().get("data")).isEmpty();

		assertThat(this.admin.delete(tokens + "/" + id).status()).isEqualTo(204);
		assertThat(api.get(databases(this.organization)).json().toString()).isEqualTo(NOT_FOUND);
		assertThat(output.getAll()).doesNotContain(secret);
	}

	/** planetscale-go's ServiceTokenAccess and pscale's add-access read resource.type. */
	@Test
	void whenAccessesAreListedThenEachResourceNamesItsOwnType() {
		var target = this.planetScaleCredentials.issueServiceToken(organizationId(this.organization), "t", Set.of(),
				null);
		var access = "/v1/organizations/" + this.organization + "/service-tokens/" + target.id() + "/access";
		assertThat(this.admin.post(access, "{\"database\": \"alpha\", \"access\": [\"read_database\"]}").status())
			.isEqualTo(200);
		assertThat(this.admin.post(access, "{\"access\": [\"read_organization\"]}").status()).isEqualTo(200);

		var data = this.admin.get(access).json().get("data");

		assertThat(data).hasSize(2);
		assertThat(data).allSatisfy((each) -> assertThat(each.get("resource").get("type").asString())
			.isEqualTo(each.get("resource_type").asString()));
		assertThat(data).extracting((each) -> each.get("resource").get("type").asString())
			.containsExactlyInAnyOrder("Database", "Organization");
	}

	/** pscale service-token show-access and planetscale-go's ListGrants call /grants. */
	@Test
	void whenGrantsAreListedThenTheAccessesComeGroupedByTheResourceTheyApplyTo() {
		var target = this.planetScaleCredentials.issueServiceToken(organizationId(this.organization), "t", Set.of(),
				null);
		var tokens = "/v1/organizations/" + this.organization + "/service-tokens/";
		assertThat(this.admin
			.post(tokens + target.id() + "/access",
					"{\"database\": \"alpha\", \"access\": [\"read_database\", \"delete_database\"]}")
			.status()).isEqualTo(200);
		assertThat(this.admin.post(tokens + target.id() + "/access", "{\"access\": [\"read_organization\"]}").status())
			.isEqualTo(200);
		var alphaId = this.admin.get(databases(this.organization) + "/alpha").json().get("id").asString();

		var grants = this.admin.get(tokens + target.id() + "/grants");

		assertThat(grants.status()).isEqualTo(200);
		assertThat(grants.header("Content-Type")).startsWith("application/json");
		var body = grants.json();
		assertThat(body.get("type").asString()).isEqualTo("list");
		assertThat(body.get("current_page").asInt()).isEqualTo(1);
		assertThat(body.get("data")).hasSize(2);
		var database = body.get("data").get(0).get("resource_type").asString().equals("Database")
				? body.get("data").get(0) : body.get("data").get(1);
		assertThat(names(database)).containsExactlyInAnyOrder("id", "type", "resource_name", "resource_type",
				"resource_id", "accesses");
		assertThat(database.get("id").asString()).isEqualTo(alphaId);
		assertThat(database.get("type").asString()).isEqualTo("ServiceTokenGrant");
		assertThat(database.get("resource_name").asString()).isEqualTo("alpha");
		assertThat(database.get("resource_id").asString()).isEqualTo(alphaId);
		assertThat(database.get("accesses")).extracting((each) -> each.get("access").asString())
			.containsExactlyInAnyOrder("read_database", "delete_database");
		assertThat(database.get("accesses"))
			.allSatisfy((each) -> assertThat(each.get("description").asString()).isNotBlank());
		var organization = (database == body.get("data").get(0)) ? body.get("data").get(1) : body.get("data").get(0);
		assertThat(organization.get("resource_type").asString()).isEqualTo("Organization");
		assertThat(organization.get("resource_name").asString()).isEqualTo(this.organization);
		assertThat(organization.get("accesses")).extracting((each) -> each.get("access").asString())
			.containsExactly("read_organization");

		assertThat(this.admin.get(tokens + "nosuchtoken0/grants").json().toString()).isEqualTo(NOT_FOUND);
	}

	@Test
	void whenAServiceTokenGrantsAnAccessItDoesNotHoldThenItIs403() {
		var limited = planetscaleApi(this.organization,
				Set.of(PlanetScaleAccesses.WRITE_SERVICE_TOKENS, PlanetScaleAccesses.READ_DATABASE));
		var target = this.planetScaleCredentials.issueServiceToken(organizationId(this.organization), "t", Set.of(),
				null);
		var path = "/v1/organizations/" + this.organization + "/service-tokens/" + target.id() + "/access";

		assertThat(limited.post(path, "{\"access\": [\"read_database\"]}").status()).isEqualTo(200);
		assertThat(limited.post(path, "{\"access\": [\"delete_database\"]}").status()).isEqualTo(403);
		assertThat(limited.post(path, "{\"access\": [\"fly\"]}").status()).isEqualTo(422);
	}

}
