package dev.dbplane.security;

import java.util.EnumSet;
import java.util.List;

import dev.dbplane.Api;
import dev.dbplane.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.dbplane.Json.names;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The credential matrix of every Harness endpoint: no key, malformed, unknown, revoked,
 * another account's, lacking the permission, valid.
 */
@ExtendWith(OutputCaptureExtension.class)
class HarnessAccessIntegrationTests extends IntegrationTest {

	private static final String SCHEMA_BODY = """
			{"identifier": "s", "name": "S", "changelog": {"connector": "c", "location": "l"}}""";

	private static final String INSTANCE_BODY = """
			{"identifier": "i", "name": "I", "connector": "pg", "branch": "main"}""";

	private String account;

	private String key;

	private String base;

	@BeforeEach
	void accountWithSchemaAndInstance() {
		this.account = unique("acct");
		this.key = this.harnessKeys
			.issue(this.account, "pat", "full", EnumSet.of(HarnessPermission.view, HarnessPermission.edit,
					HarnessPermission.delete, HarnessPermission.admin))
			.key();
		this.base = "/v1/orgs/o/projects/p/dbschema";
		var api = with(this.key);
		assertThat(api.post(this.base, SCHEMA_BODY).status()).isEqualTo(201);
		assertThat(api.post(this.base + "/s/instance", INSTANCE_BODY).status()).isEqualTo(201);
	}

	/**
	 * Each endpoint as method, path, body, the permission it needs and its success
	 * status.
	 */
	private List<Call> calls() {
		return List.of(new Call("GET", this.base, null, HarnessPermission.view, 200),
				new Call("POST", this.base, SCHEMA_BODY.replace("\"s\"", "\"s2\""), HarnessPermission.edit, 201),
				new Call("GET", this.base + "/s", null, HarnessPermission.view, 200),
				new Call("PUT", this.base + "/s", "{\"name\": \"T\"}", HarnessPermission.edit, 200),
				new Call("POST", this.base + "/s/instance", INSTANCE_BODY.replace("\"i\"", "\"i2\""),
						HarnessPermission.edit, 201),
				new Call("POST", this.base + "/s/instancelist", "{}", HarnessPermission.view, 200),
				new Call("GET", this.base + "/s/instance/i", null, HarnessPermission.view, 200),
				new Call("PUT", this.base + "/s/instance/i", "{\"name\": \"J\"}", HarnessPermission.edit, 200),
				new Call("DELETE", this.base + "/s/instance/i", null, HarnessPermission.delete, 204),
				new Call("DELETE", this.base + "/s", null, HarnessPermission.delete, 204));
	}

	record Call(String method, String path, String body, HarnessPermission needs, int success) {

		Api.Response send(Api api) {
			return api.send(this.method, this.path, this.body, (this.body != null) ? "application/json" : null);
		}

	}

	@Test
	void whenNoKeyIsSentThenEveryEndpointIs401() {
		for (var call : calls()) {
			assertError(call.send(api()), 401, call);
		}
	}

	@Test
	void whenTheKeyIsMalformedUnknownOrForAnotherAccountIdThenEveryEndpointIs401() {
		var parts = this.key.split("\\.");
		var malformed = List.of("garbage", "pat.only.three", "xyz." + this.account + "." + parts[2] + "." + parts[3],
				this.key + ".extra", "Bearer " + this.key);
		var unknown = List.of("pat." + this.account + ".unknownid." + parts[3],
				"pat." + this.account + "." + parts[2] + ".wrongsecret",
				"sat." + this.account + "." + parts[2] + "." + parts[3],
				"pat.someone_else." + parts[2] + "." + parts[3]);
		for (var call : calls()) {
			for (var key : malformed) {
				assertError(call.send(with(key)), 401, call);
			}
			for (var key : unknown) {
				assertError(call.send(with(key)), 401, call);
			}
		}
	}

	@Test
	void whenTheKeyIsRevokedThenItStopsWorking() {
		var spare = this.harnessKeys.issue(this.account, "pat", "spare", EnumSet.of(HarnessPermission.view));
		assertThat(with(spare.key()).get(this.base).status()).isEqualTo(200);

		var revoke = with(this.key).delete("/dbplane/v1/api-keys/" + spare.id());

		assertThat(revoke.status()).isEqualTo(204);
		for (var call : calls()) {
			assertError(call.send(with(spare.key())), 401, call);
		}
	}

	@Test
	void whenAnotherAccountsKeyIsUsedThenItsResourcesLookMissing() {
		var other = harnessApi();
		for (var call : calls()) {
			var response = call.send(other);
			if (call.path().equals(this.base)) {
				assertThat(response.status()).as(call.toString()).isIn(200, 201);
			}
			else {
				assertError(response, 404, call);
			}
		}
		assertThat(other.get(this.base).json()).noneMatch((schema) -> schema.get("identifier").asString().equals("s"));
		var mine = with(this.key);
		assertThat(mine.get(this.base + "/s").json().get("name").asString()).isEqualTo("S");
		assertThat(mine.get(this.base + "/s/instance/i").json().get("name").asString()).isEqualTo("I");
	}

	@Test
	void whenTheAccountHeaderNamesAnotherAccountThenEveryEndpointIs403() {
		var api = with(this.key).withHeader("Harness-Account", unique("elsewhere"));
		for (var call : calls()) {
			assertError(call.send(api), 403, call);
		}
	}

	@Test
	void whenTheKeyLacksThePermissionThenItIs403AndWithItTheCallSucceeds() {
		for (var call : calls()) {
			var lacking = EnumSet.complementOf(EnumSet.of(call.needs(), HarnessPermission.operator));
			var without = this.harnessKeys.issue(this.account, "pat", "without", lacking).key();
			assertError(call.send(with(without)), 403, call);
			var only = this.harnessKeys.issue(this.account, "sat", "only", EnumSet.of(call.needs())).key();
			assertThat(call.send(with(only)).status()).as(call.toString()).isEqualTo(call.success());
		}
	}

	@Test
	void whenAKeyIsIssuedThenItsSecretIsShownOnceAndNeverLoggedOrListed(CapturedOutput output) {
		var admin = with(this.key);

		var issued = admin.post("/dbplane/v1/api-keys", "{\"name\": \"ci\", \"permissions\": [\"view\"]}");

		assertThat(issued.status()).isEqualTo(201);
		var newKey = issued.json().get("key").asString();
		assertThat(newKey).startsWith("pat." + this.account + ".");
		assertThat(with(newKey).get(this.base).status()).isEqualTo(200);
		assertThat(with(newKey).post(this.base, SCHEMA_BODY).status()).isEqualTo(403);
		var listed = admin.get("/dbplane/v1/api-keys");
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.json()).allSatisfy((k) -> assertThat(names(k)).doesNotContain("key"));
		var secret = newKey.substring(newKey.lastIndexOf('.') + 1);
		var ownSecret = this.key.substring(this.key.lastIndexOf('.') + 1);
		assertThat(listed.body()).doesNotContain(secret, ownSecret);
		with(newKey + "x").get(this.base);
		assertThat(output.getAll()).doesNotContain(secret, ownSecret);
	}

	@Test
	void whenAKeyTriesToGrantMoreThanItHoldsThenItIs403() {
		var viewer = this.harnessKeys
			.issue(this.account, "pat", "viewer", EnumSet.of(HarnessPermission.view, HarnessPermission.admin))
			.key();

		var response = with(viewer).post("/dbplane/v1/api-keys", "{\"name\": \"x\", \"permissions\": [\"delete\"]}");

		assertThat(response.status()).isEqualTo(403);
	}

	@Test
	void whenANonOperatorCreatesAnAccountThenItIs403() {
		var response = with(this.key).post("/dbplane/v1/accounts", "{\"id\": \"" + unique("acct") + "\"}");

		assertError(response, 403, null);
	}

	@Test
	void whenOpenEndpointsAreCalledWithoutACredentialThenTheyAnswer() {
		assertThat(api().get("/v3/api-docs").status()).isEqualTo(200);
		assertThat(api().get("/actuator/health").status()).isEqualTo(200);
		assertThat(api().send("GET", "/swagger-ui/index.html", (String) null, null).status()).isEqualTo(200);
	}

	private Api with(String key) {
		return api().withHeader("x-api-key", key);
	}

	private static void assertError(Api.Response response, int status, Call call) {
		assertThat(response.status()).as(String.valueOf(call) + " -> " + response).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(names(response.json())).containsExactly("message");
	}

}
