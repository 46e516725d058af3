package dev.dbplane.harness;

import java.time.Instant;

import dev.dbplane.Api;
import dev.dbplane.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.dbplane.Json.names;
import static dev.dbplane.harness.HarnessFixtures.instance;
import static dev.dbplane.harness.HarnessFixtures.repositorySchema;
import static dev.dbplane.harness.HarnessFixtures.schemaPath;
import static dev.dbplane.harness.HarnessFixtures.scriptSchema;
import static org.assertj.core.api.Assertions.assertThat;

class SchemaApiIntegrationTests extends IntegrationTest {

	private Api api;

	private String schemas;

	@BeforeEach
	void account() {
		this.api = harnessApi();
		this.schemas = schemaPath("default", "proj");
	}

	@Test
	void whenCreatingARepositorySchemaThenTheFullDbSchemaOutComesBack() {
		long before = Instant.now().getEpochSecond();
		var response = this.api.post(this.schemas, repositorySchema("my_db_schema"));

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.contentType()).startsWith("application/json");
		var body = response.json();
		assertThat(names(body)).containsExactlyInAnyOrder("identifier", "name", "tags", "changelog", "instanceCount",
				"schemaSourceType", "type", "migrationType", "usePercona", "parentId", "created", "updated");
		assertThat(body.get("identifier").asString()).isEqualTo("my_db_schema");
		assertThat(body.get("name").asString()).isEqualTo("My Database Schema");
		assertThat(body.get("tags").toString()).isEqualTo("{\"env\":\"dev\"}");
		assertThat(body.get("changelog").toString())
			.isEqualTo("{\"connector\":\"cockroachDB\",\"location\":\"changelog.yaml\",\"repo\":\"changelog.yaml\"}");
		assertThat(body.get("instanceCount").isIntegralNumber()).isTrue();
		assertThat(body.get("instanceCount").asLong()).isZero();
		assertThat(body.get("schemaSourceType").asString()).isEqualTo("Git");
		assertThat(body.get("type").asString()).isEqualTo("Repository");
		assertThat(body.get("migrationType").asString()).isEqualTo("Liquibase");
		assertThat(body.get("usePercona").isBoolean()).isTrue();
		assertThat(body.get("usePercona").asBoolean()).isFalse();
		assertThat(body.get("parentId").asString()).matches("^[A-Za-z0-9_-]{22}$");
		assertThat(body.get("created").isIntegralNumber()).isTrue();
		assertThat(body.get("created").asLong()).isBetween(before, Instant.now().getEpochSecond());
		assertThat(body.get("updated").asLong()).isEqualTo(body.get("created").asLong());
	}

	@Test
	void whenSchemaIsCreatedThenGetReturnsTheSameBody() {
		var created = this.api.post(this.schemas, repositorySchema("s1")).json();

		var response = this.api.get(this.schemas + "/s1");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.json()).isEqualTo(created);
	}

	@Test
	void whenCreatingAScriptSchemaThenOnlyTheScriptIsReturned() {
		var body = this.api.post(this.schemas, scriptSchema("scripted")).json();

		assertThat(names(body)).contains("changeLogScript").doesNotContain("changelog");
		assertThat(body.get("type").asString()).isEqualTo("Script");
		assertThat(body.get("schemaSourceType").asString()).isEqualTo("Custom");
		assertThat(body.get("changeLogScript").get("shell").asString()).isEqualTo("Bash");
	}

	@Test
	void whenTheConnectorIsEmptyThenTheSourceIsHarnessCode() {
		var body = this.api.post(this.schemas, """
				{"identifier": "hcr", "name": "HCR",
				 "changelog": {"connector": "", "location": "db/changelog.yaml", "repo": "my-repo"}}
				""").json();

		assertThat(body.get("schemaSourceType").asString()).isEqualTo("HarnessCode");
		assertThat(body.get("changelog").get("connector").asString()).isEmpty();
		assertThat(body.get("type").asString()).isEqualTo("Repository");
		assertThat(body.get("migrationType").asString()).isEqualTo("Liquibase");
	}

	@Test
	void whenTheIdentifierExistsThenCreateIs400AlreadyExists() {
		this.api.post(this.schemas, repositorySchema("dup"));

		var response = this.api.post(this.schemas, repositorySchema("dup"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(names(response.json())).containsExactly("message");
		assertThat(response.json().get("message").asString()).endsWith("already exists");
	}

	@Test
	void whenTheSameIdentifierIsUsedInAnotherProjectThenBothExist() {
		assertThat(this.api.post(this.schemas, repositorySchema("same")).status()).isEqualTo(201);
		assertThat(this.api.post(schemaPath("default", "other"), repositorySchema("same")).status()).isEqualTo(201);
	}

	@Test
	void whenTheBodyBreaksSeveralRulesThenOneMessageNamesEveryField() {
		var response = this.api.post(this.schemas, """
				{"identifier": "9bad", "name": "", "changelog": {"connector": "c"}}
				""");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("message").asString())
			.isEqualTo("changelog.location: must not be null; identifier: must match ^[a-zA-Z_][0-9a-zA-Z_$]{0,127}$; "
					+ "name: must not be blank");
	}

	@Test
	void whenTheIdentifierIsOverviewThenCreateIs400() {
		var response = this.api.post(this.schemas, repositorySchema("overview"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("message").asString()).isEqualTo("identifier: 'overview' is reserved");
	}

	@Test
	void whenARepositorySchemaHasNoChangelogThenCreateIs400() {
		var response = this.api.post(this.schemas, """
				{"identifier": "nosource", "name": "No source", "type": "Repository"}
				""");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("message").asString())
			.isEqualTo("changelog: is required for a schema of type Repository");
	}

	@Test
	void whenTheChangelogHasAnUnknownFieldThenCreateIs400() {
		var response = this.api.post(this.schemas, """
				{"identifier": "strict", "name": "Strict", "unknownTopLevel": true,
				 "changelog": {"connector": "c", "location": "l", "colour": "blue"}}
				""");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("message").asString()).isEqualTo("changelog.colour: unknown field");
	}

	@Test
	void whenUnknownTopLevelFieldsAreSentThenTheyAreIgnored() {
		var response = this.api.post(this.schemas + "?accountIdentifier=x&routingId=x", """
				{"identifier": "lenient", "name": "Lenient", "futureField": {"a": 1},
				 "changelog": {"connector": "c", "location": "l"}}
				""");

		assertThat(response.status()).isEqualTo(201);
	}

	@Test
	void whenEnumValuesAreWrongThenCreateIs400NamingTheChoices() {
		var response = this.api.post(this.schemas, """
				{"identifier": "e", "name": "E", "type": "Git", "changelog": {"connector": "c", "location": "l"}}
				""");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("message").asString()).isEqualTo("type: must be one of Repository, Script");
	}

	@Test
	void whenTagsBreakTheLimitsThenCreateIs400() {
		var response = this.api.post(this.schemas, """
				{"identifier": "t", "name": "T", "tags": {"k": "%s"}, "changelog": {"connector": "c", "location": "l"}}
				""".formatted("v".repeat(129)));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("message").asString()).startsWith("tags[k]");
	}

	@Test
	void whenPuttingSomeFieldsThenAbsentFieldsKeepTheirValues() {
		var created = this.api.post(this.schemas, repositorySchema("merge")).json();

		var response = this.api.put(this.schemas + "/merge", """
				{"name": "Renamed", "changelog": {"location": "other.yaml"}}
				""");

		assertThat(response.status()).isEqualTo(200);
		var body = response.json();
		assertThat(body.get("name").asString()).isEqualTo("Renamed");
		assertThat(body.get("tags")).isEqualTo(created.get("tags"));
		assertThat(body.get("changelog").toString())
			.isEqualTo("{\"connector\":\"cockroachDB\",\"location\":\"other.yaml\",\"repo\":\"changelog.yaml\"}");
		assertThat(body.get("created")).isEqualTo(created.get("created"));
		assertThat(this.api.get(this.schemas + "/merge").json()).isEqualTo(body);
	}

	@Test
	void whenPuttingAnEmptyConnectorThenTheSchemaMovesToHarnessCode() {
		this.api.post(this.schemas, repositorySchema("tohcr"));

		var body = this.api.put(this.schemas + "/tohcr", """
				{"changelog": {"connector": "", "repo": "hcr-repo"}}
				""").json();

		assertThat(body.get("changelog").get("connector").asString()).isEmpty();
		assertThat(body.get("schemaSourceType").asString()).isEqualTo("HarnessCode");
	}

	@Test
	void whenTerraformPutsTheWholeCreateBodyThenItIsAccepted() {
		this.api.post(this.schemas, repositorySchema("tf"));

		var response = this.api.put(this.schemas + "/tf", repositorySchema("tf").replace("My Database", "Your"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("name").asString()).isEqualTo("Your Schema");
	}

	@Test
	void whenAPutChangesIdentifierOrMigrationTypeThenItIs400AndNothingChanges() {
		var created = this.api.post(this.schemas, repositorySchema("fixed")).json();

		var identifier = this.api.put(this.schemas + "/fixed", """
				{"identifier": "other", "name": "Changed"}
				""");
		var migrationType = this.api.put(this.schemas + "/fixed", """
				{"migrationType": "Flyway", "name": "Changed"}
				""");

		assertThat(identifier.status()).isEqualTo(400);
		assertThat(identifier.json().get("message").asString()).startsWith("identifier: cannot be changed");
		assertThat(migrationType.status()).isEqualTo(400);
		assertThat(migrationType.json().get("message").asString()).startsWith("migrationType: cannot be changed");
		assertThat(this.api.get(this.schemas + "/fixed").json()).isEqualTo(created);
	}

	@Test
	void whenDeletingASchemaThenItAndItsInstancesAreGone() {
		this.api.post(this.schemas, repositorySchema("gone"));
		this.api.post(this.schemas + "/gone/instance", instance("i1"));

		var response = this.api.delete(this.schemas + "/gone");

		assertThat(response.status()).isEqualTo(204);
		assertThat(response.body()).isEmpty();
		assertThat(this.api.get(this.schemas + "/gone").status()).isEqualTo(404);
		assertThat(this.api.get(this.schemas + "/gone/instance/i1").status()).isEqualTo(404);
		this.api.post(this.schemas, repositorySchema("gone"));
		assertThat(this.api.get(this.schemas + "/gone/instance/i1").status()).isEqualTo(404);
		assertThat(this.api.get(this.schemas + "/gone").json().get("instanceCount").asLong()).isZero();
	}

	@Test
	void whenTheSchemaIsMissingThenGetPutDeleteAre404() {
		assertThat(this.api.get(this.schemas + "/missing").status()).isEqualTo(404);
		assertThat(this.api.put(this.schemas + "/missing", "{\"name\": \"x\"}").status()).isEqualTo(404);
		var response = this.api.delete(this.schemas + "/missing");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().get("message").asString()).isEqualTo("Database schema 'missing' not found");
	}

	@Test
	void whenAnotherAccountAsksThenItsSchemasLookMissing() {
		this.api.post(this.schemas, repositorySchema("mine"));
		var other = harnessApi();

		assertThat(other.get(this.schemas + "/mine").status()).isEqualTo(404);
		assertThat(other.put(this.schemas + "/mine", "{\"name\": \"x\"}").status()).isEqualTo(404);
		assertThat(other.delete(this.schemas + "/mine").status()).isEqualTo(404);
		assertThat(other.get(this.schemas).json()).isEmpty();
		assertThat(this.api.get(this.schemas + "/mine").status()).isEqualTo(200);
	}

	@Test
	void whenTheSchemaHasInstancesThenInstanceCountSaysHowMany() {
		this.api.post(this.schemas, repositorySchema("counted"));
		this.api.post(this.schemas + "/counted/instance", instance("a"));
		this.api.post(this.schemas + "/counted/instance", instance("b"));

		assertThat(this.api.get(this.schemas + "/counted").json().get("instanceCount").asLong()).isEqualTo(2);
		var listed = this.api.get(this.schemas + "?search_term=counted").json();
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("instanceCount").asLong()).isEqualTo(2);
	}

	@Test
	void whenTheSamePathIsUsedUnderGatewayAndDbopsThenTheSameSchemaAnswers() {
		this.api.post(this.schemas, repositorySchema("prefixed"));

		var gateway = this.api.get("/gateway" + this.schemas + "/prefixed");
		var dbops = this.api.get("/dbops" + this.schemas + "/prefixed");

		assertThat(gateway.status()).isEqualTo(200);
		assertThat(dbops.status()).isEqualTo(200);
		assertThat(gateway.json()).isEqualTo(dbops.json());
		assertThat(this.api.post("/gateway" + this.schemas, repositorySchema("viagateway")).status()).isEqualTo(201);
		assertThat(this.api.get("/dbops" + this.schemas + "/viagateway").status()).isEqualTo(200);
	}

	@Test
	void whenAPathSegmentIsInvalidThenItIs400BeforeAnyLookup() {
		var response = this.api.get("/v1/orgs/bad-org/projects/proj/dbschema/s");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("message").asString())
			.isEqualTo("org: must match ^[a-zA-Z_][0-9a-zA-Z_$]{0,127}$");
	}

}
