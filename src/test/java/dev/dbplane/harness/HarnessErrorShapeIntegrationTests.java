package dev.dbplane.harness;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.dbplane.Api;
import dev.dbplane.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.dbplane.Json.names;
import static dev.dbplane.harness.HarnessFixtures.repositorySchema;
import static dev.dbplane.harness.HarnessFixtures.schemaPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every failure a Harness client can provoke comes back as JSON {@code {"message": ...}}.
 */
class HarnessErrorShapeIntegrationTests extends IntegrationTest {

	private Api api;

	private String schemas;

	@BeforeEach
	void account() {
		this.api = harnessApi();
		this.schemas = schemaPath("org", "proj");
	}

	@Test
	void whenTheJsonIsMalformedThenItIs400() {
		var response = this.api.post(this.schemas, "{\"identifier\": \"x\", ");

		assertError(response, 400);
		assertThat(response.json().get("message").asString()).startsWith("Malformed JSON");
	}

	@Test
	void whenAFieldHasTheWrongJsonTypeThenItIs400NamingTheField() {
		var number = this.api.post(this.schemas, "{\"identifier\": \"x\", \"name\": 5}");
		var array = this.api.post(this.schemas, "{\"identifier\": \"x\", \"name\": \"n\", \"tags\": [1]}");
		var bool = this.api.post(this.schemas, "{\"identifier\": \"x\", \"name\": \"n\", \"usePercona\": \"yes\"}");
		var notAnObject = this.api.post(this.schemas, "[1, 2]");

		assertError(number, 400);
		assertThat(number.json().get("message").asString()).isEqualTo("name: must be a string");
		assertError(array, 400);
		assertThat(array.json().get("message").asString()).isEqualTo("tags: must be an object");
		assertError(bool, 400);
		assertThat(bool.json().get("message").asString()).isEqualTo("usePercona: must be a boolean");
		assertError(notAnObject, 400);
	}

	@Test
	void whenTheBodyIsMissingThenItIs400() {
		var response = this.api.send("POST", this.schemas, (String) null, "application/json");

		assertError(response, 400);
		assertThat(response.json().get("message").asString()).isEqualTo("Request body is required");
	}

	@Test
	void whenTheMethodIsWrongThenItIs405() {
		var response = this.api.send("PATCH", this.schemas + "/s", "{}", "application/json");

		assertError(response, 405);
		assertThat(response.json().get("message").asString()).startsWith("Method PATCH is not allowed");
	}

	@Test
	void whenTheContentTypeIsNotJsonThenItIs415() {
		var response = this.api.send("POST", this.schemas, "identifier=x", "application/x-www-form-urlencoded");

		assertError(response, 415);
		assertThat(response.json().get("message").asString()).isEqualTo("Content-Type must be application/json");
	}

	/** Schemathesis sends it; Spring's multipart parsing failed on it with a 500. */
	@Test
	void whenTheContentTypeIsMultipartWithoutABoundaryThenAReadIgnoresItAndAWriteIs415() {
		assertThat(this.api.post(this.schemas, repositorySchema("multi")).status()).isEqualTo(201);

		var read = this.api.send("GET", this.schemas + "/multi", (String) null, "multipart/form-data");
		var delete = this.api.send("DELETE", this.schemas + "/nothing", (String) null, "multipart/form-data");
		var write = this.api.send("POST", this.schemas, repositorySchema("multi2"), "multipart/form-data");

		assertThat(read.status()).as(read.toString()).isEqualTo(200);
		assertError(delete, 404);
		assertError(write, 415);
		assertThat(write.json().get("message").asString()).isEqualTo("Content-Type must be application/json");
	}

	/**
	 * Spring Security's firewall rejects these when a parameter is read; that was a 500.
	 */
	@Test
	void whenAQueryParameterNameHoldsAControlCharacterThenItIs400() {
		for (var query : List.of("?%01name=x", "?limit=5&%C3%A5%15=1", "?%C2%8D")) {
			var response = this.api.get(this.schemas + query);

			assertError(response, 400);
			assertThat(response.json().get("message").asString())
				.isEqualTo("Query parameter names must not contain control characters or unassigned code points");
		}
	}

	@Test
	void whenThePathIsUnknownThenItIs404InTheHarnessShape() {
		for (var path : List.of("/v1/nothing/here", "/gateway/v1/orgs", "/nowhere")) {
			var response = this.api.get(path);
			assertError(response, 404);
		}
	}

	@Test
	void whenTheBodyIsOverOneMebibyteThenItIs413AndNothingIsStored() {
		var huge = "{\"identifier\": \"big\", \"name\": \"" + "x".repeat(1024 * 1024) + "\"}";

		var declared = this.api.post(this.schemas, huge);
		var chunked = this.api.send("POST", this.schemas,
				BodyPublishers
					.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))),
				"application/json");

		assertError(declared, 413);
		assertThat(declared.json().get("message").asString()).isEqualTo("Request body exceeds the limit of 1 MiB");
		assertError(chunked, 413);
		assertThat(this.api.get(this.schemas + "/big").status()).isEqualTo(404);
	}

	@Test
	void whenABodyJustUnderTheLimitIsSentThenItIsProcessed() {
		var padding = " ".repeat(1024 * 1024 - 300);
		var response = this.api.post(this.schemas, repositorySchema("padded") + padding);

		assertThat(response.status()).isEqualTo(201);
	}

	@Test
	void whenTheAccountHeaderNamesAnotherAccountThenItIs403() {
		var response = this.api.withHeader("Harness-Account", "someone_else").get(this.schemas);

		assertError(response, 403);
		assertThat(response.json().get("message").asString())
			.isEqualTo("Harness-Account names another account than the API key's");
	}

	@Test
	void whenBadInputIsRefusedThenStoredDataIsUnchanged() {
		var created = this.api.post(this.schemas, repositorySchema("kept")).json();

		this.api.put(this.schemas + "/kept", "{\"name\": ");
		this.api.put(this.schemas + "/kept", "{\"name\": 7}");
		this.api.put(this.schemas + "/kept", "{\"tags\": {\"k\": null}}");
		this.api.put(this.schemas + "/kept", "{\"changelog\": {\"bogus\": 1}}");
		this.api.put(this.schemas + "/kept", "{\"name\": \"" + "n".repeat(129) + "\"}");

		assertThat(this.api.get(this.schemas + "/kept").json()).isEqualTo(created);
	}

	private static void assertError(Api.Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(names(response.json())).containsExactly("message");
		assertThat(response.body()).doesNotContain("Exception", "at dev.", "org.springframework", "SQL");
	}

}
