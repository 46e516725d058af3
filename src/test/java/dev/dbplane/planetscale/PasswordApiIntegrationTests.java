package dev.dbplane.planetscale;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

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
import static dev.dbplane.planetscale.PlanetScaleFixtures.mysql;
import static org.assertj.core.api.Assertions.assertThat;

class PasswordApiIntegrationTests extends IntegrationTest {

	static final List<String> PASSWORD_FIELDS = List.of("id", "type", "name", "role", "cidrs", "created_at",
			"deleted_at", "expires_at", "last_used_at", "expired", "direct_vtgate", "direct_vtgate_addresses",
			"ttl_seconds", "access_host_url", "access_host_regional_url", "access_host_regional_urls", "actor",
			"region", "username", "plain_text", "replica", "renewable", "database_branch");

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
	void organizationWithAReadyDatabaseAndADevBranch() {
		this.organization = PlanetScaleFixtures.organization(this.organizations);
		this.api = planetscaleApi(this.organization);
		this.databaseId = this.api.post(databases(this.organization), mysql("app")).json().get("id").asString();
		ready();
		assertThat(this.api.post(branches(), "{\"name\": \"dev\"}").status()).isEqualTo(201);
	}

	private void ready() {
		PlanetScaleFixtures.ready(this.jdbc, this.databaseId);
	}

	private String branches() {
		return databases(this.organization) + "/app/branches";
	}

	private String passwords(String branch) {
		return branches() + "/" + branch + "/passwords";
	}

	private long rows() {
		return this.jdbc.queryForObject("select count(*) from planetscale_branch_password p join planetscale_branch b "
				+ "on b.id = p.branch_id where b.database_id = ?", Long.class, this.databaseId);
	}

	static String mysqlNativeHash(String secret) throws Exception {
		var once = MessageDigest.getInstance("SHA-1").digest(secret.getBytes(StandardCharsets.UTF_8));
		return "*" + HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(once));
	}

	@Test
	void whenAPasswordIsCreatedThenItsSecretIsShownOnceAndOnlyItsHashIsStored() throws Exception {
		var before = Instant.now().minusMillis(1);
		var response = this.api.post(passwords("main"), "{\"name\": \"ci\", \"role\": \"readwriter\"}");

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		var created = response.json();
		assertThat(names(created)).containsExactlyInAnyOrderElementsOf(PASSWORD_FIELDS);
		assertThat(created.get("id").asString()).matches(ID);
		assertThat(created.get("name").asString()).isEqualTo("ci");
		assertThat(created.get("role").asString()).isEqualTo("readwriter");
		assertThat(created.get("plain_text").asString()).matches("^pscale_pw_[A-Za-z0-9]{43}$");
		assertThat(created.get("username").asString()).matches("^[0-9a-z]{20}$");
		assertThat(created.get("access_host_url").asString()).isEqualTo(dataPlaneHost());
		assertThat(created.get("created_at").asString()).matches(TIMESTAMP);
		assertThat(Instant.parse(created.get("created_at").asString())).isBetween(before, Instant.now());
		for (var nullable : new String[] { "cidrs", "deleted_at", "expires_at", "last_used_at", "ttl_seconds" }) {
			assertThat(created.get(nullable).isNull()).as(nullable).isTrue();
		}
		assertThat(created.get("expired").asBoolean()).isFalse();
		assertThat(created.get("renewable").asBoolean()).isFalse();
		assertThat(created.get("replica").asBoolean()).isFalse();
		assertThat(created.get("database_branch").get("name").asString()).isEqualTo("main");
		assertThat(created.get("database_branch").get("production").asBoolean()).isTrue();
		DatabaseApiIntegrationTests.assertRegion(created.get("region"), "us-east", true);

		var read = this.api.get(passwords("main") + "/" + created.get("id").asString());
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("plain_text").isNull()).isTrue();
		assertThat(read.json().get("username").asString()).isEqualTo(created.get("username").asString());
		var stored = this.jdbc.queryForObject("select secret_hash from planetscale_branch_password where id = ?",
				String.class, created.get("id").asString());
		assertThat(stored).isEqualTo(mysqlNativeHash(created.get("plain_text").asString()));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from planetscale_branch_password where id = ? "
						+ "and position(? in row(planetscale_branch_password.*)::text) > 0",
				Long.class, created.get("id").asString(), created.get("plain_text").asString()))
			.isZero();
	}

	@Test
	void whenPasswordsAreListedThenNewestComeFirstWithoutSecrets() {
		this.api.post(passwords("dev"), "{\"name\": \"first\"}");
		this.api.post(passwords("dev"), "{\"name\": \"second\"}");
		this.api.post(passwords("main"), "{\"name\": \"elsewhere\"}");

		var list = this.api.get(passwords("dev"));
		var searched = this.api.get(passwords("dev") + "?q=FIR");

		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().get("total_count").asInt()).isEqualTo(2);
		assertThat(list.json().get("data")).extracting((p) -> p.get("name").asString())
			.containsExactly("second", "first");
		assertThat(list.json().get("data")).allMatch((p) -> p.get("plain_text").isNull());
		assertThat(list.json().get("data").get(0).get("role").asString()).isEqualTo("admin");
		assertThat(searched.json().get("data")).extracting((p) -> p.get("name").asString()).containsExactly("first");
		var farAway = this.api.get(passwords("dev") + "?page=2147483647&per_page=112222");
		assertThat(farAway.status()).isEqualTo(200);
		assertThat(farAway.json().get("data")).isEmpty();
		assertThat(farAway.json().get("total_count").asInt()).isEqualTo(2);
	}

	@Test
	void whenAPasswordHasATtlThenItExpiresAndCanBeRenewed() {
		var created = this.api.post(passwords("dev"), "{\"name\": \"short\", \"ttl\": 3600, \"replica\": true}").json();
		var createdAt = Instant.parse(created.get("created_at").asString());

		assertThat(Instant.parse(created.get("expires_at").asString())).isEqualTo(createdAt.plusSeconds(3600));
		assertThat(created.get("ttl_seconds").asInt()).isEqualTo(3600);
		assertThat(created.get("renewable").asBoolean()).isTrue();
		assertThat(created.get("replica").asBoolean()).isTrue();
		var renewed = this.api.post(passwords("dev") + "/" + created.get("id").asString() + "/renew", null);
		assertThat(renewed.status()).isEqualTo(200);
		assertThat(Instant.parse(renewed.json().get("expires_at").asString()))
			.isAfterOrEqualTo(createdAt.plusSeconds(3600));
		assertThat(renewed.json().get("plain_text").isNull()).isTrue();

		this.jdbc.update("update planetscale_branch_password set expires_at = now() - interval '1 second' where id = ?",
				created.get("id").asString());
		assertThat(
				this.api.get(passwords("dev") + "/" + created.get("id").asString()).json().get("expired").asBoolean())
			.isTrue();
		var permanent = this.api.post(passwords("dev"), "{\"name\": \"forever\"}").json();
		var refused = this.api.post(passwords("dev") + "/" + permanent.get("id").asString() + "/renew", null);
		assertThat(refused.status()).isEqualTo(422);
	}

	@Test
	void whenAPasswordIsPatchedThenItsNameAndCidrsChange() {
		var created = this.api.post(passwords("dev"), "{\"name\": \"old\"}").json();
		var path = passwords("dev") + "/" + created.get("id").asString();

		var patched = this.api.patch(path, "{\"name\": \"new\", \"cidrs\": [\"203.0.113.0/24\", \"2001:db8::/32\"]}");

		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().get("name").asString()).isEqualTo("new");
		assertThat(patched.json().get("cidrs").toString()).isEqualTo("[\"203.0.113.0/24\",\"2001:db8::/32\"]");
		assertThat(this.api.get(path).json().get("cidrs").toString())
			.isEqualTo("[\"203.0.113.0/24\",\"2001:db8::/32\"]");
	}

	@Test
	void whenTheRequestIsInvalidThenItIs422AndNothingIsStored() {
		var role = this.api.post(passwords("dev"), "{\"name\": \"x\", \"role\": \"root\"}");
		var ttl = this.api.post(passwords("dev"), "{\"name\": \"x\", \"ttl\": -5}");
		var cidrs = this.api.post(passwords("dev"), "{\"name\": \"x\", \"cidrs\": [\"not-a-range\"]}");
		var blank = this.api.post(passwords("dev"), "{\"name\": \" \"}");

		assertThat(role.toString()).isEqualTo(
				"422 {\"code\":\"unprocessable\",\"message\":\"role must be one of reader, writer, admin, readwriter\"}");
		assertThat(ttl.status()).isEqualTo(422);
		assertThat(cidrs.status()).isEqualTo(422);
		assertThat(blank.json().get("message").asString()).isEqualTo("Name can't be blank");
		assertThat(this.api.get(passwords("dev") + "/Not_An_Id").toString())
			.isEqualTo("422 {\"code\":\"unprocessable\","
					+ "\"message\":\"id must be 1 to 64 lowercase letters, digits, '-' or '_', starting with a letter or digit\"}");
		assertThat(rows()).isZero();
	}

	@Test
	void whenAPasswordIsDeletedThenItIsGone() {
		var created = this.api.post(passwords("dev"), "{\"name\": \"doomed\"}").json();
		var path = passwords("dev") + "/" + created.get("id").asString();

		var deleted = this.api.delete(path);

		assertThat(deleted.status()).isEqualTo(204);
		assertThat(deleted.body()).isEmpty();
		assertThat(this.api.get(path).toString()).isEqualTo(NOT_FOUND);
		assertThat(this.api.delete(path).toString()).isEqualTo(NOT_FOUND);
		assertThat(this.api.get(passwords("main") + "/" + created.get("id").asString()).toString())
			.isEqualTo(NOT_FOUND);
		assertThat(rows()).isZero();
	}

	@Test
	void whenTheBranchIsDeletedThenItsPasswordsGoWithIt() {
		this.api.post(passwords("dev"), "{\"name\": \"on-dev\"}");

		assertThat(this.api.delete(branches() + "/dev").status()).isEqualTo(204);

		assertThat(rows()).isZero();
	}

	@Test
	void whenTheDatabaseIsPostgresqlThenPasswordsAreNotFound() {
		this.api.post(databases(this.organization),
				"{\"name\": \"pg\", \"kind\": \"postgresql\", \"cluster_size\": \"PS_5_AWS_X86\"}");
		var path = databases(this.organization) + "/pg/branches/main/passwords";

		assertThat(this.api.post(path, "{\"name\": \"x\"}").toString()).isEqualTo(NOT_FOUND);
		assertThat(this.api.get(path).toString()).isEqualTo(NOT_FOUND);
	}

	@Test
	void whenATokenMayConnectOnlyToDevelopmentBranchesThenProductionPasswordsAre403() {
		var token = this.planetScaleCredentials.issueServiceToken(organizationId(this.organization), "dev-only",
				Set.of(), null);
		this.planetScaleCredentials.grant(token.id(), Set.of("connect_branch", "delete_branch_password"),
				this.databaseId);
		var devOnly = api().withHeader("Authorization", token.id() + ":" + token.secret());

		var onDev = devOnly.post(passwords("dev"), "{\"name\": \"ok\"}");
		var onMain = devOnly.post(passwords("main"), "{\"name\": \"no\"}");
		var mainPassword = this.api.post(passwords("main"), "{\"name\": \"admin-made\"}").json();

		assertThat(onDev.status()).isEqualTo(201);
		assertThat(onDev.json().get("actor").get("id").asString()).isEqualTo(token.id());
		assertThat(onMain.status()).isEqualTo(403);
		assertThat(onMain.json().get("message").asString()).contains("connect_production_branch");
		assertThat(devOnly.get(passwords("dev")).status()).isEqualTo(200);
		assertThat(devOnly.get(passwords("main")).status()).isEqualTo(403);
		assertThat(devOnly.delete(passwords("main") + "/" + mainPassword.get("id").asString()).status()).isEqualTo(403);
		assertThat(devOnly.delete(passwords("dev") + "/" + onDev.json().get("id").asString()).status()).isEqualTo(204);
	}

	@Test
	void whenATokenMayConnectReadOnlyToProductionThenOnlyReaderPasswordsAreItsToCreate() {
		var token = this.planetScaleCredentials.issueServiceToken(organizationId(this.organization), "read-only",
				Set.of(), null);
		this.planetScaleCredentials.grant(token.id(), Set.of("connect_production_read_only_branch"), this.databaseId);
		var readOnly = api().withHeader("Authorization", token.id() + ":" + token.secret());

		assertThat(readOnly.post(passwords("main"), "{\"name\": \"r\", \"role\": \"reader\"}").status()).isEqualTo(201);
		assertThat(readOnly.post(passwords("main"), "{\"name\": \"w\", \"role\": \"writer\"}").status()).isEqualTo(403);
		assertThat(readOnly.post(passwords("dev"), "{\"name\": \"d\", \"role\": \"reader\"}").status()).isEqualTo(403);
		assertThat(rows()).isEqualTo(1);
	}

	/**
	 * Where the data plane tells clients to connect, port and all, dbplane being at
	 * 127.0.0.1.
	 */
	private String dataPlaneHost() {
		return this.dataPlane.endpoint(ServerKind.MYSQL).orElseThrow().hostAndPort("127.0.0.1");
	}

}
