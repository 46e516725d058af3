package dev.dbplane.planetscale;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.dbplane.Api;
import dev.dbplane.IntegrationTest;
import dev.dbplane.dataplane.DataPlane;
import dev.dbplane.dataplane.ServerKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.dbplane.Json.names;
import static dev.dbplane.planetscale.PlanetScaleFixtures.ID;
import static dev.dbplane.planetscale.PlanetScaleFixtures.TIMESTAMP;
import static dev.dbplane.planetscale.PlanetScaleFixtures.databases;
import static org.assertj.core.api.Assertions.assertThat;

class RoleApiIntegrationTests extends IntegrationTest {

	static final List<String> ROLE_FIELDS = List.of("id", "type", "name", "access_host_url", "private_access_host_url",
			"private_connection_service_name", "username", "base_username", "password", "database_name", "created_at",
			"updated_at", "deleted_at", "expires_at", "dropped_at", "disabled_at", "drop_failed", "ready", "expired",
			"default", "ttl", "inherited_roles", "with_replication", "branch", "actor", "query_safety_settings");

	private static final String NOT_FOUND = "404 {\"code\":\"not_found\",\"message\":\"Not Found\"}";

	@Autowired
	private Organizations organizations;

	@Autowired
	private DataPlane dataPlane;

	@Autowired
	private JdbcTemplate jdbc;

	private Api api;

	private String organization;

	private String databaseId;

	@BeforeEach
	void organizationWithAReadyPostgresqlDatabaseAndADevBranch() {
		this.organization = PlanetScaleFixtures.organization(this.organizations);
		this.api = planetscaleApi(this.organization);
		this.databaseId = this.api
			.post(databases(this.organization),
					"{\"name\": \"pg\", \"kind\": \"postgresql\", \"cluster_size\": \"PS_5_AWS_X86\"}")
			.json()
			.get("id")
			.asString();
		PlanetScaleFixtures.ready(this.jdbc, this.databaseId);
		assertThat(this.api.post(branches(), "{\"name\": \"dev\"}").status()).isEqualTo(201);
	}

	private String branches() {
		return databases(this.organization) + "/pg/branches";
	}

	private String roles(String branch) {
		return branches() + "/" + branch + "/roles";
	}

	/** Roles stored besides the branches' default ones. */
	private long rows() {
		return this.jdbc.queryForObject(
				"select count(*) from planetscale_branch_role r join planetscale_branch b "
						+ "on b.id = r.branch_id where b.database_id = ? and not r.is_default",
				Long.class, this.databaseId);
	}

	@Test
	void whenARoleIsCreatedThenItIs200WithItsPasswordOnceAndOnlyItsVerifierIsStored() {
		var response = this.api.post(roles("main"), """
				{"name": "app", "ttl": 3600, "inherited_roles": ["pg_read_all_data", "pg_write_all_data"],
				 "require_where_on_delete": "on"}
				""");

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		var role = response.json();
		assertThat(names(role)).containsExactlyInAnyOrderElementsOf(ROLE_FIELDS);
		assertThat(role.get("id").asString()).matches(ID);
		assertThat(role.get("name").asString()).isEqualTo("app");
		assertThat(role.get("password").asString()).matches("^pscale_pw_[A-Za-z0-9]{43}$");
		var mainId = this.api.get(branches() + "/main").json().get("id").asString();
		assertThat(role.get("username").asString()).matches("^pscale_api_[0-9a-z]{10}\\." + mainId + "$");
		assertThat(role.get("username").asString()).startsWith(role.get("base_username").asString() + ".");
		assertThat(role.get("database_name").asString()).isEqualTo("postgres");
		assertThat(role.get("access_host_url").asString()).isEqualTo(dataPlaneHost());
		assertThat(role.get("ttl").asInt()).isEqualTo(3600);
		assertThat(role.get("expires_at").asString()).matches(TIMESTAMP);
		assertThat(role.get("inherited_roles").toString()).isEqualTo("[\"pg_read_all_data\",\"pg_write_all_data\"]");
		assertThat(role.get("default").asBoolean()).isFalse();
		assertThat(role.get("ready").asBoolean()).isTrue();
		assertThat(role.get("branch").get("name").asString()).isEqualTo("main");
		assertThat(role.get("query_safety_settings").toString())
			.isEqualTo("{\"require_where_on_delete\":\"on\",\"require_where_on_update\":\"off\"}");
		assertThat(role.get("actor").get("id").asString()).matches(ID);

		var read = this.api.get(roles("main") + "/" + role.get("id").asString());
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("password").isNull()).isTrue();
		var verifier = this.jdbc.queryForObject("select password_verifier from planetscale_branch_role where id = ?",
				String.class, role.get("id").asString());
		assertThat(verifier)
			.matches("^SCRAM-SHA-256\\$4096:[A-Za-z0-9+/=]{24}\\$[A-Za-z0-9+/=]{44}:[A-Za-z0-9+/=]{44}$");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from planetscale_branch_role r where id = ? "
						+ "and position(? in row(r.*)::text) > 0",
				Long.class, role.get("id").asString(), role.get("password").asString()))
			.isZero();
	}

	@Test
	void whenRolesAreListedPatchedAndDeletedThenEachAnswersAsTheDocumentSays() {
		var first = this.api.post(roles("dev"), "{\"name\": \"first\"}").json();
		this.api.post(roles("dev"), "{\"name\": \"second\"}");

		var list = this.api.get(roles("dev")).json();
		var patched = this.api.patch(roles("dev") + "/" + first.get("id").asString(),
				"{\"name\": \"renamed\", \"require_where_on_update\": \"warn\"}");
		var deleted = this.api.send("DELETE", roles("dev") + "/" + first.get("id").asString(),
				"{\"successor\": \"postgres\"}", "application/json");

		assertThat(list.get("total_count").asInt()).isEqualTo(2);
		assertThat(list.get("data")).extracting((r) -> r.get("name").asString()).containsExactly("second", "first");
		assertThat(list.get("data")).allMatch((r) -> r.get("password").isNull());
		assertThat(this.api.get(roles("dev") + "?page=2147483647").json().get("data")).isEmpty();
		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().get("name").asString()).isEqualTo("renamed");
		assertThat(patched.json().get("query_safety_settings").get("require_where_on_update").asString())
			.isEqualTo("warn");
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(deleted.body()).isEmpty();
		assertThat(this.api.get(roles("dev") + "/" + first.get("id").asString()).toString()).isEqualTo(NOT_FOUND);
		assertThat(rows()).isEqualTo(1);
	}

	@Test
	void whenTheDefaultRoleIsAskedForThenThereIsOneAndOnlyResetShowsItsPassword() throws Exception {
		var start = new CountDownLatch(1);
		var executor = Executors.newFixedThreadPool(4);
		try {
			var calls = new java.util.ArrayList<Future<Api.Response>>();
			for (int i = 0; i < 4; i++) {
				Callable<Api.Response> call = () -> {
					start.await();
					return this.api.get(roles("main") + "/default");
				};
				calls.add(executor.submit(call));
			}
			start.countDown();
			for (var call : calls) {
				assertThat(call.get().status()).isEqualTo(200);
			}
		}
		finally {
			executor.shutdownNow();
		}
		var role = this.api.get(roles("main") + "/default").json();
		assertThat(role.get("default").asBoolean()).isTrue();
		assertThat(role.get("name").asString()).isEqualTo("postgres");
		assertThat(role.get("base_username").asString()).isEqualTo("postgres");
		assertThat(role.get("password").isNull()).isTrue();
		assertThat(rows()).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from planetscale_branch_role where branch_id = ?",
				Long.class, role.get("branch").get("id").asString()))
			.isEqualTo(1);
		var verifier = this.jdbc.queryForObject("select password_verifier from planetscale_branch_role where id = ?",
				String.class, role.get("id").asString());

		var reset = this.api.post(roles("main") + "/reset-default", null);

		assertThat(reset.status()).isEqualTo(200);
		assertThat(names(reset.json())).containsExactly("username", "password", "access_host_url");
		assertThat(reset.json().get("username").asString()).isEqualTo(role.get("username").asString());
		assertThat(reset.json().get("password").asString()).startsWith("pscale_pw_");
		assertThat(this.jdbc.queryForObject("select password_verifier from planetscale_branch_role where id = ?",
				String.class, role.get("id").asString()))
			.isNotEqualTo(verifier);
		assertThat(this.api.delete(roles("main") + "/" + role.get("id").asString()).status()).isEqualTo(422);
	}

	@Test
	void whenTheRequestIsInvalidThenItIs422AndNothingIsStored() {
		var inherited = this.api.post(roles("dev"), "{\"name\": \"x\", \"inherited_roles\": [\"superuser\"]}");
		var replication = this.api.post(roles("dev"), "{\"name\": \"x\", \"with_replication\": true}");
		var safety = this.api.post(roles("dev"), "{\"name\": \"x\", \"require_where_on_delete\": \"maybe\"}");
		var ttl = this.api.post(roles("dev"), "{\"name\": \"x\", \"ttl\": -1}");
		var successor = this.api.post(roles("dev"), "{\"name\": \"keep\"}").json();
		var badSuccessor = this.api.delete(roles("dev") + "/" + successor.get("id").asString() + "?successor=nobody");

		assertThat(inherited.status()).isEqualTo(422);
		assertThat(inherited.json().get("message").asString()).startsWith("inherited_roles must be among");
		assertThat(replication.json().get("message").asString())
			.isEqualTo("with_replication requires inherited_roles to include postgres");
		assertThat(safety.status()).isEqualTo(422);
		assertThat(ttl.status()).isEqualTo(422);
		assertThat(badSuccessor.status()).isEqualTo(422);
		assertThat(rows()).isEqualTo(1);
	}

	@Test
	void whenTheDatabaseIsMysqlThenRolesAreNotFound() {
		this.api.post(databases(this.organization), "{\"name\": \"my\", \"cluster_size\": \"PS_10\"}");
		var path = databases(this.organization) + "/my/branches/main/roles";

		assertThat(this.api.post(path, "{\"name\": \"x\"}").toString()).isEqualTo(NOT_FOUND);
		assertThat(this.api.get(path).toString()).isEqualTo(NOT_FOUND);
		assertThat(this.api.get(path + "/default").toString()).isEqualTo(NOT_FOUND);
	}

	@Test
	void whenATokenMayCreateOnlyReadOnlyProductionRolesThenOthersAre403() {
		var token = this.planetScaleCredentials.issueServiceToken(organizationId(this.organization), "ro", Set.of(),
				null);
		this.planetScaleCredentials.grant(token.id(),
				Set.of("create_production_read_only_branch_password", "create_branch_password"), this.databaseId);
		var limited = api().withHeader("Authorization", token.id() + ":" + token.secret());

		var reader = limited.post(roles("main"), "{\"name\": \"r\", \"inherited_roles\": [\"pg_read_all_data\"]}");
		var writer = limited.post(roles("main"), "{\"name\": \"w\", \"inherited_roles\": [\"pg_write_all_data\"]}");
		var onDev = limited.post(roles("dev"), "{\"name\": \"d\", \"inherited_roles\": [\"postgres\"]}");

		assertThat(reader.status()).isEqualTo(200);
		assertThat(writer.status()).isEqualTo(403);
		assertThat(writer.json().get("message").asString()).contains("create_production_branch_password");
		assertThat(onDev.status()).isEqualTo(200);
		assertThat(limited.get(roles("main")).status()).isEqualTo(403);
		assertThat(limited.delete(roles("dev") + "/" + onDev.json().get("id").asString()).status()).isEqualTo(403);
		assertThat(rows()).isEqualTo(2);
	}

	@Test
	void whenARoleIsRenewedThenItIs200WithItsExpiryFromNowAndNoPassword() {
		var role = this.api.post(roles("dev"), "{\"name\": \"temp\", \"ttl\": 3600}").json();
		var id = role.get("id").asString();
		this.jdbc.update("update planetscale_branch_role set expires_at = now() - interval '1 minute' where id = ?",
				id);
		assertThat(this.api.get(roles("dev") + "/" + id).json().get("expired").asBoolean()).isTrue();
		var before = java.time.Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

		// as planetscale-go sends it: {} as JSON
		var renewed = this.api.post(roles("dev") + "/" + id + "/renew", "{}");
		var bare = this.api.send("POST", roles("dev") + "/" + id + "/renew", (String) null, null);

		assertThat(renewed.status()).as(renewed.toString()).isEqualTo(200);
		assertThat(renewed.contentType()).startsWith("application/json");
		var json = renewed.json();
		assertThat(names(json)).containsExactlyInAnyOrderElementsOf(ROLE_FIELDS);
		assertThat(json.get("id").asString()).isEqualTo(id);
		assertThat(json.get("password").isNull()).isTrue();
		assertThat(json.get("expired").asBoolean()).isFalse();
		assertThat(json.get("ttl").asInt()).isEqualTo(3600);
		assertThat(json.get("expires_at").asString()).matches(TIMESTAMP);
		assertThat(java.time.Instant.parse(json.get("expires_at").asString())).isAfterOrEqualTo(before);
		assertThat(bare.status()).as(bare.toString()).isEqualTo(200);
		assertThat(this.api.get(roles("dev") + "/" + id).json().get("expired").asBoolean()).isFalse();
	}

	@Test
	void whenARoleWithoutTtlIsRenewedThenItIs422AndUnchanged() {
		var role = this.api.post(roles("dev"), "{\"name\": \"forever\"}").json();
		var id = role.get("id").asString();
		var stored = storedRole(id);

		var renewed = this.api.post(roles("dev") + "/" + id + "/renew", "{}");

		assertThat(renewed.toString()).isEqualTo(
				"422 {\"code\":\"unprocessable\",\"message\":\"Role forever has no ttl, so it cannot be renewed\"}");
		assertThat(storedRole(id)).isEqualTo(stored);
	}

	@Test
	void whenARoleIsResetThenItIs200WithANewPasswordOnceAndOnlyItsVerifierChanges() {
		var role = this.api.post(roles("dev"), "{\"name\": \"app\", \"inherited_roles\": [\"postgres\"]}").json();
		var id = role.get("id").asString();
		var verifier = verifier(id);

		var reset = this.api.post(roles("dev") + "/" + id + "/reset", "{}");

		assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
		var json = reset.json();
		assertThat(names(json)).containsExactlyInAnyOrderElementsOf(ROLE_FIELDS);
		assertThat(json.get("id").asString()).isEqualTo(id);
		assertThat(json.get("username").asString()).isEqualTo(role.get("username").asString());
		assertThat(json.get("password").asString()).matches("^pscale_pw_[A-Za-z0-9]{43}$")
			.isNotEqualTo(role.get("password").asString());
		assertThat(json.get("inherited_roles").toString()).isEqualTo("[\"postgres\"]");
		assertThat(verifier(id)).isNotEqualTo(verifier).startsWith("SCRAM-SHA-256$");
		assertThat(this.api.get(roles("dev") + "/" + id).json().get("password").isNull()).isTrue();
		var defaultId = this.api.get(roles("dev") + "/default").json().get("id").asString();
		var resetDefault = this.api.send("POST", roles("dev") + "/" + defaultId + "/reset", (String) null, null);
		assertThat(resetDefault.status()).as(resetDefault.toString()).isEqualTo(200);
		assertThat(resetDefault.json().get("default").asBoolean()).isTrue();
		assertThat(resetDefault.json().get("password").asString()).startsWith("pscale_pw_");
	}

	@Test
	void whenARoleIsReassignedThenItIs204AndTheRoleStays() {
		var from = this.api.post(roles("dev"), "{\"name\": \"from\", \"inherited_roles\": [\"postgres\"]}").json();
		var heir = this.api.post(roles("dev"), "{\"name\": \"heir\", \"inherited_roles\": [\"postgres\"]}").json();
		var path = roles("dev") + "/" + from.get("id").asString() + "/reassign";

		// the successor by id, by username, by username without the branch's suffix
		// (pscale's example), and the default role
		for (var successor : List.of(heir.get("id").asString(), heir.get("username").asString(),
				heir.get("base_username").asString(), "postgres")) {
			var reassigned = this.api.post(path, "{\"successor\": \"" + successor + "\"}");
			assertThat(reassigned.status()).as(successor + ": " + reassigned).isEqualTo(204);
			assertThat(reassigned.body()).isEmpty();
		}
		assertThat(this.api.get(roles("dev") + "/" + from.get("id").asString()).status()).isEqualTo(200);
		assertThat(rows()).isEqualTo(2);
	}

	@Test
	void whenAReassignIsInvalidThenItIsRefusedAndNothingIsAskedOfTheDataPlane() {
		var role = this.api.post(roles("dev"), "{\"name\": \"from\"}").json();
		var path = roles("dev") + "/" + role.get("id").asString() + "/reassign";
		var tasks = tasks();

		var none = this.api.send("POST", path, (String) null, null);
		var empty = this.api.post(path, "{}");
		var blank = this.api.post(path, "{\"successor\": \" \"}");
		var nobody = this.api.post(path, "{\"successor\": \"nobody\"}");
		var itself = this.api.post(path, "{\"successor\": \"" + role.get("id").asString() + "\"}");
		var itselfByName = this.api.post(path, "{\"successor\": \"" + role.get("base_username").asString() + "\"}");
		var number = this.api.post(path, "{\"successor\": 5}");
		var malformed = this.api.post(path, "{\"successor\": ");
		var text = this.api.send("POST", path, "successor=postgres", "text/plain");
		var nul = this.api.post(path, "{\"successor\": \"a\\u0000b\"}");
		var defaultId = this.api.get(roles("dev") + "/default").json().get("id").asString();
		var defaultToItself = this.api.post(roles("dev") + "/" + defaultId + "/reassign",
				"{\"successor\": \"postgres\"}");

		for (var missing : List.of(none, empty, blank)) {
			assertThat(missing.toString())
				.isEqualTo("422 {\"code\":\"unprocessable\",\"message\":\"successor is required\"}");
		}
		assertThat(nobody.toString()).isEqualTo(
				"422 {\"code\":\"unprocessable\",\"message\":\"successor nobody is not another role of this branch\"}");
		assertThat(itself.status()).isEqualTo(422);
		assertThat(itselfByName.status()).isEqualTo(422);
		assertThat(defaultToItself.status()).isEqualTo(422);
		assertThat(number.status()).isEqualTo(400);
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(text.status()).isEqualTo(415);
		assertThat(nul.status()).isEqualTo(400);
		for (var refused : List.of(none, empty, blank, nobody, itself, itselfByName, number, malformed, text, nul,
				defaultToItself)) {
			PlanetScaleEndpoint.assertErrorShape(refused);
		}
		assertThat(tasks()).isEqualTo(tasks);
	}

	@Test
	void whenTheRoleOrItsBranchIsUnknownThenRenewResetAndReassignAre404() {
		var role = this.api.post(roles("dev"), "{\"name\": \"x\", \"ttl\": 60}").json();
		var id = role.get("id").asString();

		for (var action : List.of("renew", "reset", "reassign")) {
			var body = action.equals("reassign") ? "{\"successor\": \"postgres\"}" : "{}";
			assertThat(this.api.post(roles("dev") + "/zzzzzzzzzzzz/" + action, body).toString()).as(action)
				.isEqualTo(NOT_FOUND);
			assertThat(this.api.post(roles("main") + "/" + id + "/" + action, body).toString()).as(action)
				.isEqualTo(NOT_FOUND);
			assertThat(this.api.post(roles("gone") + "/" + id + "/" + action, body).toString()).as(action)
				.isEqualTo(NOT_FOUND);
			var badId = this.api.post(roles("dev") + "/NOT-AN-ID/" + action, body);
			assertThat(badId.status()).as(action).isBetween(400, 499);
			PlanetScaleEndpoint.assertErrorShape(badId);
		}
	}

	@Test
	void whenTheDatabaseIsMysqlThenRenewResetAndReassignAreNotFound() {
		this.api.post(databases(this.organization), "{\"name\": \"my\", \"cluster_size\": \"PS_10\"}");
		var role = this.api.post(roles("dev"), "{\"name\": \"x\", \"ttl\": 60}").json();
		var path = databases(this.organization) + "/my/branches/main/roles/" + role.get("id").asString();

		assertThat(this.api.post(path + "/renew", "{}").toString()).isEqualTo(NOT_FOUND);
		assertThat(this.api.post(path + "/reset", "{}").toString()).isEqualTo(NOT_FOUND);
		assertThat(this.api.post(path + "/reassign", "{\"successor\": \"postgres\"}").toString()).isEqualTo(NOT_FOUND);
	}

	@Test
	void whenATokenLacksTheirAccessesThenRenewResetAndReassignAre403AndChangeNothing() {
		var devRole = this.api.post(roles("dev"), "{\"name\": \"d\", \"ttl\": 60}").json();
		var reader = this.api
			.post(roles("main"), "{\"name\": \"r\", \"ttl\": 60, \"inherited_roles\": [\"pg_read_all_data\"]}")
			.json();
		var writer = this.api
			.post(roles("main"), "{\"name\": \"w\", \"ttl\": 60, \"inherited_roles\": [\"pg_write_all_data\"]}")
			.json();
		var creator = token(Set.of("create_branch_password", "create_production_read_only_branch_password"));
		var deleter = token(Set.of("delete_branch_password", "delete_production_read_only_branch_password"));
		var dev = roles("dev") + "/" + devRole.get("id").asString();
		var main = roles("main") + "/" + writer.get("id").asString();
		var mainReader = roles("main") + "/" + reader.get("id").asString();
		var successor = "{\"successor\": \"postgres\"}";
		var before = List.of(storedRole(devRole.get("id").asString()), storedRole(writer.get("id").asString()));
		var tasks = tasks();

		// renew takes create_*_branch_password, reset and reassign
		// delete_*_branch_password
		var refusals = List.of(creator.post(dev + "/reset", "{}"), creator.post(dev + "/reassign", successor),
				creator.post(main + "/renew", "{}"), deleter.post(dev + "/renew", "{}"),
				deleter.post(main + "/reset", "{}"), deleter.post(main + "/reassign", successor));
		for (var refused : refusals) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
			PlanetScaleEndpoint.assertErrorShape(refused);
		}
		assertThat(refusals.get(2).json().get("message").asString()).contains("create_production_branch_password");
		assertThat(refusals.get(4).json().get("message").asString()).contains("delete_production_branch_password");
		assertThat(List.of(storedRole(devRole.get("id").asString()), storedRole(writer.get("id").asString())))
			.isEqualTo(before);
		assertThat(tasks()).isEqualTo(tasks);

		assertThat(creator.post(dev + "/renew", "{}").status()).isEqualTo(200);
		assertThat(creator.post(mainReader + "/renew", "{}").status()).isEqualTo(200);
		assertThat(deleter.post(dev + "/reset", "{}").status()).isEqualTo(200);
		assertThat(deleter.post(mainReader + "/reset", "{}").status()).isEqualTo(200);
		assertThat(deleter.post(dev + "/reassign", successor).status()).isEqualTo(204);
		assertThat(deleter.post(mainReader + "/reassign", successor).status()).isEqualTo(204);
		var stranger = token(Set.of());
		assertThat(stranger.post(dev + "/renew", "{}").toString()).isEqualTo(NOT_FOUND);
	}

	/** A client with a new service token holding {@code accesses} on the database. */
	private Api token(Set<String> accesses) {
		var token = this.planetScaleCredentials.issueServiceToken(organizationId(this.organization), "limited",
				Set.of(), null);
		if (!accesses.isEmpty()) {
			this.planetScaleCredentials.grant(token.id(), accesses, this.databaseId);
		}
		return api().withHeader("Authorization", token.id() + ":" + token.secret());
	}

	private String verifier(String id) {
		return this.jdbc.queryForObject("select password_verifier from planetscale_branch_role where id = ?",
				String.class, id);
	}

	private String storedRole(String id) {
		return this.jdbc.queryForObject("select to_jsonb(r)::text from planetscale_branch_role r where id = ?",
				String.class, id);
	}

	/** The data-plane tasks stored for this test's branches. */
	private long tasks() {
		return this.jdbc.queryForObject("select count(*) from dataplane_task t join planetscale_branch b "
				+ "on t.database_name = 'ps_' || b.id where b.database_id = ?", Long.class, this.databaseId);
	}

	/**
	 * Where the data plane tells clients to connect, port and all, dbplane being at
	 * 127.0.0.1.
	 */
	private String dataPlaneHost() {
		return this.dataPlane.endpoint(ServerKind.POSTGRESQL).orElseThrow().hostAndPort("127.0.0.1");
	}

}
