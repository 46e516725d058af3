package dev.dbplane;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiIntegrationTests extends IntegrationTest {

	@Test
	void whenAskingForTheOpenApiDocumentThenItIsJsonAndDescribesTheHarnessEndpoints() {
		var response = api().get("/v3/api-docs");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		var paths = response.json().get("paths");
		assertThat(paths.has("/v1/orgs/{org}/projects/{project}/dbschema")).isTrue();
		assertThat(paths.has("/v1/orgs/{org}/projects/{project}/dbschema/{dbschema}/instancelist")).isTrue();
		assertThat(paths.has("/v1/orgs/{org}/projects/{project}/dbschema/{dbschema}/instance/{dbinstance}")).isTrue();
		assertThat(paths.propertyNames()).noneMatch((path) -> path.startsWith("/gateway") || path.startsWith("/dbops"));
		var schemas = response.json().get("components").get("schemas");
		assertThat(schemas.get("SchemaCreateRequest").get("properties").has("changeLogScript")).isTrue();
		assertThat(schemas.get("InstanceResponse").get("properties").has("lastDeployedChangeSetTag")).isTrue();
	}

	@Test
	void whenReadingEachGroupThenEveryFieldHasADescription() {
		for (var group : new String[] { "harness", "planetscale", "dbplane" }) {
			var schemas = api().get("/v3/api-docs/" + group).json().get("components").get("schemas");
			for (var schemaName : schemas.propertyNames()) {
				var properties = schemas.get(schemaName).get("properties");
				if (properties == null) {
					continue;
				}
				for (var field : properties.propertyNames()) {
					var property = properties.get(field);
					assertThat(property.has("description") || property.has("$ref"))
						.as(group + " " + schemaName + "." + field)
						.isTrue();
				}
			}
		}
	}

	@Test
	void whenOpeningSwaggerUiThenThePageIsServed() {
		var response = api().send("GET", "/swagger-ui/index.html", (String) null, null);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("swagger");
	}

	@Test
	void whenAskingForHealthThenItIsUp() {
		var response = api().get("/actuator/health");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("status").asString()).isEqualTo("UP");
	}

}
