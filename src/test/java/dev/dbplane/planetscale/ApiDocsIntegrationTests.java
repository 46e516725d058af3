package dev.dbplane.planetscale;

import java.util.ArrayList;

import dev.dbplane.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocsIntegrationTests extends IntegrationTest {

	@Test
	void whenSwaggerUiAsksForItsConfigurationThenBothFamiliesAndTheAdministrationAreGroups() {
		var config = api().get("/v3/api-docs/swagger-config").json();

		var groups = new ArrayList<String>();
		config.get("urls").forEach((url) -> groups.add(url.get("url").asString() + " " + url.get("name").asString()));
		assertThat(groups).containsExactlyInAnyOrder("/v3/api-docs/planetscale PlanetScale",
				"/v3/api-docs/harness Harness Database DevOps", "/v3/api-docs/dbplane dbplane administration");
	}

	@Test
	void whenReadingThePlanetScaleGroupThenItHoldsEveryPlanetScalePathAndNoHarnessOne() {
		var response = api().get("/v3/api-docs/planetscale");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.json().get("paths").propertyNames()).containsExactlyInAnyOrder("/v1/organizations",
				"/v1/organizations/{organization}", "/v1/organizations/{organization}/regions",
				"/v1/organizations/{organization}/cluster-size-skus", "/v1/organizations/{organization}/databases",
				"/v1/organizations/{organization}/databases/{database}",
				"/v1/organizations/{organization}/databases/{database}/regions", "/v1/regions",
				"/v1/organizations/{organization}/service-tokens",
				"/v1/organizations/{organization}/service-tokens/{id}",
				"/v1/organizations/{organization}/service-tokens/{id}/access",
				"/v1/organizations/{organization}/service-tokens/{id}/grants",
				"/v1/organizations/{organization}/databases/{database}/branches",
				"/v1/organizations/{organization}/databases/{database}/branches/{branch}",
				"/v1/organizations/{organization}/databases/{database}/branches/{branch}/safe-migrations",
				"/v1/organizations/{organization}/databases/{database}/branches/{branch}/resizes",
				"/v1/organizations/{organization}/databases/{database}/branches/{branch}/terraform-changes",
				"/v1/organizations/{organization}/databases/{database}/branches/{branch}/resizes/{resize}",
				"/v1/organizations/{organization}/databases/{database}/branches/{branch}/changes",
				"/v1/organizations/{organization}/databases/{database}/branches/{branch}/changes/{id}",
				"/v1/organizations/{organization}/databases/{database}/branches/{branch}/parameters",
				"/v1/organizations/{organization}/databases/{database}/branches/{branch}/schema",
				"/v1/organizations/{organization}/databases/{database}/branches/{branch}/diff",
				"/v1/organizations/{organization}/databases/{database}/branches/{branch}/refresh-schema",
				"/v1/organizations/{organization}/databases/{database}/branches/{branch}/keyspaces",
				"/v1/organizations/{organization}/databases/{database}/branches/{branch}/keyspaces/{keyspace}",
				"/v1/organizations/{organization}/databases/{database}/branches/{branch}/promote",
				"/v1/organizations/{organization}/databases/{database}/branches/{branch}/demote",
				"/v1/organizations/{organization}/databases/{database}/branches/{branch}/passwords",
				"/v1/organizations/{organization}/databases/{database}/branches/{branch}/passwords/{id}",
				"/v1/organizations/{organization}/databases/{database}/branches/{branch}/passwords/{id}/renew",
				"/v1/organizations/{organization}/databases/{database}/branches/{branch}/roles",
				"/v1/organizations/{organization}/databases/{database}/branches/{branch}/roles/default",
				"/v1/organizations/{organization}/databases/{database}/branches/{branch}/roles/reset-default",
				"/v1/organizations/{organization}/databases/{database}/branches/{branch}/roles/{id}",
				"/v1/organizations/{organization}/databases/{database}/branches/{branch}/roles/{id}/renew",
				"/v1/organizations/{organization}/databases/{database}/branches/{branch}/roles/{id}/reset",
				"/v1/organizations/{organization}/databases/{database}/branches/{branch}/roles/{id}/reassign");
	}

	@Test
	void whenReadingTheHarnessGroupThenItHoldsOnlyHarnessPaths() {
		var paths = api().get("/v3/api-docs/harness").json().get("paths").propertyNames();

		assertThat(paths).isNotEmpty().allMatch((path) -> path.startsWith("/v1/orgs/"));
	}

	@Test
	void whenReadingAGroupThenBothFamiliesCredentialsAreDeclared() {
		var schemes = api().get("/v3/api-docs/planetscale").json().get("components").get("securitySchemes");

		assertThat(schemes.propertyNames()).contains("x-api-key", "serviceToken", "bearer");
		assertThat(schemes.get("serviceToken").get("name").asString()).isEqualTo("Authorization");
	}

	@Test
	void whenReadingThePlanetScaleSchemasThenFieldsHaveTheirWireNames() {
		var schemas = api().get("/v3/api-docs/planetscale").json().get("components").get("schemas");

		assertThat(schemas.get("DatabaseCreateRequest").get("properties").propertyNames()).contains("cluster_size",
				"major_version");
		assertThat(schemas.get("DatabaseResponse").get("properties").propertyNames())
			.contains("branches_url", "created_at", "deletion_protected")
			.doesNotContain("branchesUrl", "createdAt");
	}

	@Test
	void whenReadingTheWholeDocumentThenItIsStillServedAsJson() {
		var response = api().get("/v3/api-docs");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.json().get("paths").propertyNames()).contains("/v1/regions",
				"/v1/orgs/{org}/projects/{project}/dbschema");
	}

}
