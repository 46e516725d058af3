package dev.dbplane.harness;

import dev.dbplane.Api;
import dev.dbplane.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.dbplane.harness.HarnessFixtures.repositorySchema;
import static dev.dbplane.harness.HarnessFixtures.schemaPath;
import static dev.dbplane.harness.HarnessFixtures.scriptSchema;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which error a create answers when several apply. The create is one insert that finds
 * the schema and checks the revision rule itself; it must answer what looking the schema
 * up first would: a missing schema before anything wrong with the instance, a missing
 * revision before a taken identifier.
 */
class InstanceCreateErrorsIntegrationTests extends IntegrationTest {

	private static final String REVISION_REQUIRED = "branch: one of branch, commitSha or gitTag is required for an instance of a Repository schema";

	private Api api;

	private String schemas;

	@BeforeEach
	void schemas() {
		this.api = harnessApi();
		this.schemas = schemaPath("org1", "proj1");
		this.api.post(this.schemas, repositorySchema("repo"));
		this.api.post(this.schemas, scriptSchema("script"));
	}

	@Test
	void whenTheSchemaIsMissingAndTwoRevisionsAreGivenThenCreateIs404() {
		var response = this.api.post(this.schemas + "/nope/instance", """
				{"identifier": "tworev", "name": "Two", "connector": "pg", "branch": "main", "gitTag": "v1"}
				""");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().get("message").asString()).isEqualTo("Database schema 'nope' not found");
	}

	@Test
	void whenTheSchemaIsMissingAndNoRevisionIsGivenThenCreateIs404() {
		var response = this.api.post(this.schemas + "/nope/instance", """
				{"identifier": "norev", "name": "None", "connector": "pg"}
				""");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().get("message").asString()).isEqualTo("Database schema 'nope' not found");
	}

	@Test
	void whenTheOnlyRevisionIsBlankUnderARepositorySchemaThenCreateIs400() {
		var response = this.api.post(this.schemas + "/repo/instance", """
				{"identifier": "blank", "name": "Blank", "connector": "pg", "branch": "  "}
				""");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("message").asString()).isEqualTo(REVISION_REQUIRED);
		assertThat(this.api.get(this.schemas + "/repo/instance/blank").status()).isEqualTo(404);
	}

	@Test
	void whenAnInstanceWithoutRevisionReusesAnIdentifierUnderARepositorySchemaThenTheRevisionIsTheError() {
		this.api.post(this.schemas + "/repo/instance", """
				{"identifier": "taken", "name": "First", "connector": "pg", "branch": "main"}
				""");

		var response = this.api.post(this.schemas + "/repo/instance", """
				{"identifier": "taken", "name": "Second", "connector": "pg"}
				""");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("message").asString()).isEqualTo(REVISION_REQUIRED);
	}

	@Test
	void whenAnInstanceWithoutRevisionReusesAnIdentifierUnderAScriptSchemaThenCreateIs400AlreadyExists() {
		this.api.post(this.schemas + "/script/instance", """
				{"identifier": "taken", "name": "First", "connector": "pg"}
				""");

		var response = this.api.post(this.schemas + "/script/instance", """
				{"identifier": "taken", "name": "Second", "connector": "pg"}
				""");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("message").asString())
			.isEqualTo("Database instance with identifier 'taken' already exists in schema 'script'");
	}

}
