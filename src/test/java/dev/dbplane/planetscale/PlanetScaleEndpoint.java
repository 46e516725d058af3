package dev.dbplane.planetscale;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.dbplane.Api;
import dev.dbplane.RunningApp;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.JdbcTemplate;

import static dev.dbplane.Json.names;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PlanetScale endpoints that take input, as property tests address them, the bodies
 * they read, and the checks every answer to bad input must pass. Each property runs in an
 * organization of its own holding the database {@code kept} and the service token
 * {@code target}.
 */
enum PlanetScaleEndpoint {

	LIST_DATABASES("GET", "/databases", null), CREATE_MYSQL("POST", "/databases", Bodies.MYSQL),
	CREATE_POSTGRESQL("POST", "/databases", Bodies.POSTGRESQL), GET_DATABASE("GET", "/databases/{d}", null),
	UPDATE_DATABASE("PATCH", "/databases/{d}", Bodies.UPDATE), DELETE_DATABASE("DELETE", "/databases/{d}", null),
	DATABASE_REGIONS("GET", "/databases/{d}/regions", null), CLUSTER_SIZES("GET", "/cluster-size-skus", null),
	CREATE_TOKEN("POST", "/service-tokens", Bodies.TOKEN), GRANT("POST", "/service-tokens/{t}/access", Bodies.ACCESS),
	REVOKE("DELETE", "/service-tokens/{t}/access", Bodies.NOT_HELD),
	CREATE_BRANCH("POST", "/databases/{d}/branches", Bodies.BRANCH),
	UPDATE_BRANCH("PATCH", "/databases/{d}/branches/main", Bodies.UPDATE_BRANCH),
	RESIZE_BRANCH("PUT", "/databases/{d}/branches/main/resizes", Bodies.RESIZE),
	CHANGE_BRANCH("PATCH", "/databases/{p}/branches/main/changes", Bodies.CHANGE),
	CHANGE_CLUSTER("PUT", "/databases/{p}/branches/main/terraform-changes", Bodies.CHANGE),
	BRANCH_SCHEMA("GET", "/databases/{d}/branches/main/schema", null),
	BRANCH_DIFF("GET", "/databases/{d}/branches/main/diff", null),
	REFRESH_SCHEMA("POST", "/databases/{d}/branches/main/refresh-schema", null),
	KEYSPACES("GET", "/databases/{d}/branches/main/keyspaces", null),
	CREATE_PASSWORD("POST", "/databases/{d}/branches/main/passwords", Bodies.PASSWORD),
	CREATE_ROLE("POST", "/databases/{p}/branches/main/roles", Bodies.ROLE);

	static final String DATABASE = "kept";

	/** The PostgreSQL database of the organization, for roles. */
	static final String PG_DATABASE = "kept-pg";

	/** Endpoints that read a JSON body. */
	static final List<PlanetScaleEndpoint> WITH_BODY = List.of(CREATE_MYSQL, CREATE_POSTGRESQL, UPDATE_DATABASE,
			CREATE_TOKEN, GRANT, REVOKE, CREATE_BRANCH, UPDATE_BRANCH, RESIZE_BRANCH, CHANGE_BRANCH, CHANGE_CLUSTER,
			CREATE_PASSWORD, CREATE_ROLE);

	/** Text that must never reach a response: stack traces, class names, SQL. */
	private static final List<String> LEAKS = List.of("Exception", "\tat ", "org.springframework", "org.hibernate",
			"org.postgresql", "org.apache", "tools.jackson", "java.lang", "java.time", "PSQL", "ERROR:", "SQL state",
			"<html", "insert into", "select ", "planetscale_");

	private final String method;

	private final String suffix;

	private final String template;

	PlanetScaleEndpoint(String method, String suffix, String template) {
		this.method = method;
		this.suffix = suffix;
		this.template = template;
	}

	String method() {
		return this.method;
	}

	String path(Fixture fixture) {
		return path(fixture.organization(), DATABASE, fixture.target());
	}

	/** The path with these segments; they must be URL-encoded. */
	String path(String organization, String database, String token) {
		return "/v1/organizations/" + organization
				+ this.suffix.replace("{d}", database)
					.replace("{p}", DATABASE.equals(database) ? PG_DATABASE : database)
					.replace("{t}", token);
	}

	/** How many path segments the endpoint has: organization, then database or token. */
	int segments() {
		return (this.suffix.contains("{")) ? 2 : 1;
	}

	boolean creates() {
		return this == CREATE_MYSQL || this == CREATE_POSTGRESQL || this == CREATE_TOKEN || this == CREATE_BRANCH
				|| this == CREATE_PASSWORD || this == CREATE_ROLE;
	}

	/** The status of a successful request. */
	int success() {
		return switch (this) {
			case CREATE_MYSQL, CREATE_POSTGRESQL, CREATE_BRANCH, CREATE_PASSWORD -> 201;
			case DELETE_DATABASE, REVOKE, RESIZE_BRANCH, CHANGE_BRANCH, CHANGE_CLUSTER, REFRESH_SCHEMA -> 204;
			default -> 200;
		};
	}

	/**
	 * A valid body: for a database create, a new database named {@code name}; for the
	 * others, one that changes nothing stored when sent again.
	 */
	ObjectNode body(String name) {
		var body = (ObjectNode) Api.parse(this.template);
		if (this == CREATE_MYSQL || this == CREATE_POSTGRESQL || this == CREATE_BRANCH) {
			body.put("name", name);
		}
		return body;
	}

	String bodyText(String name) {
		return (this.template != null) ? body(name).toString() : null;
	}

	/** Undoes a successful create, so the organization's rows are as before. */
	void undo(Api client, Fixture fixture, Api.Response created) {
		var byId = this == CREATE_TOKEN || this == CREATE_PASSWORD || this == CREATE_ROLE;
		var path = path(fixture) + "/" + created.json().get(byId ? "id" : "name").asString();
		assertThat(client.delete(path).status()).as(path).isEqualTo(204);
	}

	/** Every JSON pointer inside the valid body, the root excluded. */
	List<String> pointers() {
		var pointers = new ArrayList<String>();
		collect(Api.parse(this.template), "", pointers);
		return pointers;
	}

	private static void collect(JsonNode node, String at, List<String> pointers) {
		if (node.isObject()) {
			for (var entry : node.properties()) {
				pointers.add(at + "/" + entry.getKey());
				collect(entry.getValue(), at + "/" + entry.getKey(), pointers);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				pointers.add(at + "/" + i);
				collect(node.get(i), at + "/" + i, pointers);
			}
		}
	}

	/** The JSON type of a body field. */
	Kind kind(String pointer) {
		var node = Api.parse(this.template).at(JsonPointer.compile(pointer));
		if (node.isString()) {
			return Kind.TEXT;
		}
		if (node.isBoolean()) {
			return Kind.BOOLEAN;
		}
		if (node.isIntegralNumber()) {
			return Kind.INTEGER;
		}
		return node.isArray() ? Kind.LIST : Kind.OBJECT;
	}

	/** How the error message names the field at a pointer: {@code storage.minimum...}. */
	static String fieldName(String pointer) {
		var name = new StringBuilder();
		for (var segment : pointer.substring(1).split("/")) {
			if (segment.chars().allMatch(Character::isDigit)) {
				name.append('[').append(segment).append(']');
			}
			else {
				name.append(name.isEmpty() ? "" : ".").append(segment);
			}
		}
		return name.toString();
	}

	static boolean set(JsonNode body, String pointer, JsonNode value) {
		var at = JsonPointer.compile(pointer);
		var parent = body.at(at.head());
		if (parent.isObject()) {
			((ObjectNode) parent).set(at.last().getMatchingProperty(), value);
			return true;
		}
		if (parent.isArray() && at.last().getMatchingIndex() < parent.size()) {
			((ArrayNode) parent).set(at.last().getMatchingIndex(), value);
			return true;
		}
		return false;
	}

	/**
	 * A new organization with the database {@code kept} (its settings as
	 * {@link Bodies#UPDATE} says) and a service token {@code target} that holds
	 * {@code read_database} on it.
	 */
	static Fixture seed() {
		var context = RunningApp.context();
		var organization = PlanetScaleFixtures.organization(context.getBean(Organizations.class));
		var credentials = context.getBean(PlanetScaleCredentials.class);
		var organizationId = RunningApp.jdbc()
			.queryForObject("select id from planetscale_organization where name = ?", String.class, organization);
		var issued = credentials.issueServiceToken(organizationId, "test", PlanetScaleAccesses.all(), null);
		var client = new Api(RunningApp.port()).withHeader("Authorization", issued.id() + ":" + issued.secret());
		var target = credentials.issueServiceToken(organizationId, "target", List.of(), null).id();
		var fixture = new Fixture(organization, target, client);
		var created = client.post(CREATE_MYSQL.path(fixture), Bodies.MYSQL.replace("\"fresh\"", "\"kept\""));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		var postgres = client.post(CREATE_MYSQL.path(fixture),
				"{\"name\": \"" + PG_DATABASE + "\", \"kind\": \"postgresql\", \"cluster_size\": \"PS_5_AWS_X86\"}");
		assertThat(postgres.status()).as(postgres.toString()).isEqualTo(201);
		// ready, so branches may be made of them
		RunningApp.jdbc()
			.queryForList("select id from planetscale_database where organization_id = ?", String.class, organizationId)
			.forEach((id) -> PlanetScaleFixtures.ready(RunningApp.jdbc(), id));
		var updated = client.patch(UPDATE_DATABASE.path(fixture), Bodies.UPDATE);
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(client.post(GRANT.path(fixture), Bodies.ACCESS).status()).isEqualTo(200);
		return fixture;
	}

	/** Every stored row of an organization, as text. */
	static String dump(JdbcTemplate jdbc, String organization) {
		return dump(jdbc, organization, "");
	}

	/**
	 * Every stored row of an organization except what a successful request that changes
	 * no setting may still write: a readiness that came due, versions and times.
	 */
	static String dumpIgnoringUpdates(JdbcTemplate jdbc, String organization) {
		return dump(jdbc, organization, " - 'updated_at' - 'version' - 'state'");
	}

	private static String dump(JdbcTemplate jdbc, String organization, String minus) {
		// a grant or revoke touches its token even when it changes no access
		var tokenMinus = minus.isEmpty() ? "" : " - 'updated_at'";
		return jdbc.queryForObject("with o as (select * from planetscale_organization where name = ?) "
				+ "select (select coalesce(jsonb_agg(to_jsonb(o)), '[]') from o)::text "
				+ "|| (select coalesce(jsonb_agg(to_jsonb(d)" + minus + " order by d.id), '[]') "
				+ "from planetscale_database d join o on o.id = d.organization_id)::text "
				+ "|| (select coalesce(jsonb_agg(to_jsonb(t)" + tokenMinus + " order by t.id), '[]') "
				+ "from planetscale_service_token t join o on o.id = t.organization_id)::text "
				+ "|| (select coalesce(jsonb_agg(to_jsonb(a) order by a.id), '[]') "
				+ "from planetscale_service_token_access a join planetscale_service_token t on t.id = a.token_id "
				+ "join o on o.id = t.organization_id)::text " + "|| (select coalesce(jsonb_agg(to_jsonb(b)" + minus
				+ " order by b.id), '[]') "
				+ "from planetscale_branch b join planetscale_database d on d.id = b.database_id "
				+ "join o on o.id = d.organization_id)::text "
				+ "|| (select coalesce(jsonb_agg(to_jsonb(c) order by c.id), '[]') from planetscale_branch_password c "
				+ "join planetscale_branch b on b.id = c.branch_id join planetscale_database d on d.id = b.database_id "
				+ "join o on o.id = d.organization_id)::text "
				+ "|| (select coalesce(jsonb_agg(to_jsonb(r) order by r.id), '[]') from planetscale_branch_role r "
				+ "join planetscale_branch b on b.id = r.branch_id join planetscale_database d on d.id = b.database_id "
				+ "join o on o.id = d.organization_id)::text "
				+ "|| (select coalesce(jsonb_agg(to_jsonb(c) order by c.id), '[]') from planetscale_branch_change c "
				+ "join planetscale_branch b on b.id = c.branch_id join planetscale_database d on d.id = b.database_id "
				+ "join o on o.id = d.organization_id)::text", String.class, organization);
	}

	/**
	 * Never a server error; any error is PlanetScale's shape and says nothing internal.
	 */
	static void assertWellFormed(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 499);
		if (response.status() >= 400) {
			assertErrorShape(response);
		}
		else if (!response.body().isEmpty()) {
			assertThat(response.contentType()).as(response.toString()).startsWith("application/json");
		}
	}

	static void assertErrorShape(Api.Response response) {
		assertThat(response.contentType()).as(response.toString()).startsWith("application/json");
		var json = response.json();
		assertThat(names(json)).as(response.toString()).containsExactly("code", "message");
		assertThat(json.get("code").asString()).as(response.toString())
			.isEqualTo(dev.dbplane.web.ErrorFamily.codeOf(response.status()));
		assertThat(json.get("message").isString()).as(response.toString()).isTrue();
		assertThat(json.get("message").asString()).as(response.toString()).isNotBlank();
		for (var leak : LEAKS) {
			assertThat(response.body()).as(response.toString()).doesNotContainIgnoringCase(leak);
		}
	}

	/** The organization a property works in, its client and the token it grants to. */
	record Fixture(String organization, String target, Api client) {
	}

	enum Kind {

		TEXT, BOOLEAN, INTEGER, OBJECT, LIST

	}

	/**
	 * Whether a text field is stored as sent, up to its length; the others are names,
	 * catalogue keys or accesses, which have rules of their own.
	 */
	boolean freeText(String pointer) {
		return (this == UPDATE_DATABASE && Set.of("/migration_framework", "/migration_table_name").contains(pointer))
				|| ((this == CREATE_TOKEN || this == CREATE_PASSWORD || this == CREATE_ROLE)
						&& pointer.equals("/name"));
	}

	/** The most characters a free text field holds. */
	int maxLength(String pointer) {
		return (this == CREATE_TOKEN || this == CREATE_PASSWORD || this == CREATE_ROLE) ? 255 : 64;
	}

	/** Whether a blank value of a free text field is refused: names of credentials. */
	boolean refusesBlank(String pointer) {
		return this == UPDATE_DATABASE || this == CREATE_PASSWORD || this == CREATE_ROLE;
	}

	/** Valid bodies, shaped like what planetscale-go and Terraform send. */
	static final class Bodies {

		static final String MYSQL = """
				{"name": "fresh", "cluster_size": "PS_10", "region": "us-east", "kind": "mysql"}
				""";

		static final String POSTGRESQL = """
				{"name": "fresh", "cluster_size": "PS_10_AWS_ARM", "kind": "postgresql", "major_version": "17",
				 "replicas": 2, "region": "eu-west",
				 "storage": {"minimum_storage_bytes": 10737418240, "maximum_storage_bytes": 107374182400}}
				""";

		static final String UPDATE = """
				{"new_name": "kept", "automatic_migrations": true, "migration_framework": "rails",
				 "migration_table_name": "schema_migrations", "require_approval_for_deploy": false,
				 "restrict_branch_region": false, "allow_data_branching": true, "allow_foreign_key_constraints": true,
				 "insights_raw_queries": false, "deletion_protected": false, "production_branch_web_console": false,
				 "default_branch": "main", "cluster_size": "PS_10"}
				""";

		static final String TOKEN = """
				{"name": "ci", "ttl": 3600}
				""";

		static final String ACCESS = """
				{"database": "kept", "access": ["read_database"]}
				""";

		/** An access the target token does not hold: revoking it changes nothing. */
		static final String NOT_HELD = """
				{"database": "kept", "access": ["delete_database"]}
				""";

		static final String BRANCH = """
				{"name": "fresh", "parent_branch": "", "region": "us-east", "cluster_size": "PS_DEV",
				 "deletion_protected": false}
				""";

		/** Renames main to itself and keeps it unprotected: changes nothing. */
		static final String UPDATE_BRANCH = """
				{"new_name": "main", "deletion_protected": false}
				""";

		/** main's vtgates as a new MySQL branch has them. */
		static final String RESIZE = """
				{"vtgate_size": "VTG_5", "vtgate_count": 2, "vtgate_autoscaling": false}
				""";

		/**
		 * What the PostgreSQL database's main has already: a change request of nothing.
		 */
		static final String CHANGE = """
				{"cluster_size": "PS_5_AWS_X86", "parameters": {}}
				""";

		static final String PASSWORD = """
				{"name": "ci", "role": "reader", "ttl": 3600, "replica": false, "cidrs": ["203.0.113.0/24"]}
				""";

		static final String ROLE = """
				{"name": "app", "ttl": 3600, "inherited_roles": ["pg_read_all_data"], "with_replication": false,
				 "require_where_on_delete": "off", "require_where_on_update": "off"}
				""";

		private Bodies() {
		}

	}

}
