package dev.dbplane.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.dbplane.Api;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.JdbcTemplate;

import static dev.dbplane.Json.names;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ten Harness endpoints as property tests address them, the request bodies they take,
 * and the checks every answer to bad input must pass. Paths use {@code /v1}: the other
 * two prefixes share the handlers.
 */
enum HarnessEndpoint {

	LIST_SCHEMAS("GET", "", null), CREATE_SCHEMA("POST", "", Bodies.SCHEMA), GET_SCHEMA("GET", "/{s}", null),
	UPDATE_SCHEMA("PUT", "/{s}", Bodies.SCHEMA), DELETE_SCHEMA("DELETE", "/{s}", null),
	CREATE_INSTANCE("POST", "/{s}/instance", Bodies.INSTANCE),
	LIST_INSTANCES("POST", "/{s}/instancelist", Bodies.FILTER), GET_INSTANCE("GET", "/{s}/instance/{i}", null),
	UPDATE_INSTANCE("PUT", "/{s}/instance/{i}", Bodies.INSTANCE), DELETE_INSTANCE("DELETE", "/{s}/instance/{i}", null);

	static final String ORG = "org";

	static final String PROJECT = "proj";

	static final String SCHEMA = "kept";

	static final String INSTANCE = "kept_inst";

	/** Endpoints that read a JSON body. */
	static final List<HarnessEndpoint> WITH_BODY = List.of(CREATE_SCHEMA, UPDATE_SCHEMA, CREATE_INSTANCE,
			LIST_INSTANCES, UPDATE_INSTANCE);

	/** Text that must never reach a response: stack traces, class names, SQL. */
	private static final List<String> LEAKS = List.of("Exception", "\tat ", "org.springframework", "org.hibernate",
			"org.postgresql", "org.apache", "tools.jackson", "java.lang", "PSQL", "ERROR:", "SQL state", "<html",
			"insert into", "select ");

	private final String method;

	private final String suffix;

	private final String template;

	HarnessEndpoint(String method, String suffix, String template) {
		this.method = method;
		this.suffix = suffix;
		this.template = template;
	}

	String method() {
		return this.method;
	}

	/** The path with the seeded schema and instance; segments must be URL-encoded. */
	String path() {
		return path(ORG, PROJECT, SCHEMA, INSTANCE);
	}

	String path(String org, String project, String schema, String instance) {
		return "/v1/orgs/" + org + "/projects/" + project + "/dbschema"
				+ this.suffix.replace("{s}", schema).replace("{i}", instance);
	}

	boolean creates() {
		return this == CREATE_SCHEMA || this == CREATE_INSTANCE;
	}

	boolean updates() {
		return this == UPDATE_SCHEMA || this == UPDATE_INSTANCE;
	}

	/**
	 * A valid body: for a create, a new resource named {@code identifier}; for an update,
	 * the stored state of the seeded resource, so that sending it changes nothing.
	 */
	ObjectNode body(String identifier) {
		var body = (ObjectNode) Api.parse(this.template);
		if (creates()) {
			body.put("identifier", identifier);
		}
		return body;
	}

	/** The valid body as text, or {@code null} for an endpoint that reads none. */
	String bodyText(String identifier) {
		return (this.template != null) ? body(identifier).toString() : null;
	}

	/** Where the resource a successful create made can be read and deleted. */
	String createdPath(String identifier) {
		return (this == CREATE_SCHEMA) ? CREATE_SCHEMA.path() + "/" + identifier
				: CREATE_INSTANCE.path() + "/" + identifier;
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
				var child = at + "/" + entry.getKey();
				pointers.add(child);
				collect(entry.getValue(), child, pointers);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				pointers.add(at + "/" + i);
				collect(node.get(i), at + "/" + i, pointers);
			}
		}
	}

	/** The JSON type a body field must have. */
	Kind kind(String pointer) {
		var node = Api.parse(this.template).at(JsonPointer.compile(pointer));
		if (Set.of("/type", "/migrationType", "/filterType").contains(pointer)) {
			return Kind.ENUM;
		}
		if (node.isString()) {
			return Kind.TEXT;
		}
		if (node.isBoolean()) {
			return Kind.BOOLEAN;
		}
		if (node.isArray()) {
			return Kind.LIST;
		}
		return Set.of("/tags", "/substituteProperties").contains(pointer) ? Kind.MAP : Kind.OBJECT;
	}

	/**
	 * How the error message names the field at a pointer: {@code /instanceTags/0/key} is
	 * {@code instanceTags[0].key}.
	 */
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

	/** Sets the value at a pointer of a body; {@code false} when its parent is gone. */
	static boolean set(JsonNode body, String pointer, JsonNode value) {
		var at = JsonPointer.compile(pointer);
		var parent = body.at(at.head());
		if (parent.isObject()) {
			((ObjectNode) parent).set(at.last().getMatchingProperty(), value);
			return true;
		}
		if (parent.isArray() && at.last().getMatchingIndex() < parent.size()) {
			((tools.jackson.databind.node.ArrayNode) parent).set(at.last().getMatchingIndex(), value);
			return true;
		}
		return false;
	}

	/** Creates the seeded schema and instance in the account the client acts in. */
	static void seed(Api client) {
		assertThat(client.post(CREATE_SCHEMA.path(), Bodies.SCHEMA).status()).isEqualTo(201);
		assertThat(client.post(CREATE_INSTANCE.path(), Bodies.INSTANCE).status()).isEqualTo(201);
	}

	/** Every stored row of an account, as text. */
	static String dump(JdbcTemplate jdbc, String account) {
		return dump(jdbc, account, "");
	}

	/** Every stored row of an account except what any successful PUT changes. */
	static String dumpIgnoringUpdates(JdbcTemplate jdbc, String account) {
		return dump(jdbc, account, " - 'updated_at' - 'version'");
	}

	private static String dump(JdbcTemplate jdbc, String account, String minus) {
		return jdbc.queryForObject("select (select coalesce(jsonb_agg(to_jsonb(a) order by a.id), '[]') from account a "
				+ "where a.id = ?)::text || (select coalesce(jsonb_agg(to_jsonb(s)" + minus
				+ " order by s.id), '[]') from harness_schema s where s.account_id = ?)::text || "
				+ "(select coalesce(jsonb_agg(to_jsonb(i)" + minus + " order by i.id), '[]') from harness_instance i "
				+ "join harness_schema s on s.id = i.schema_id where s.account_id = ?)::text", String.class, account,
				account, account);
	}

	/** Never a server error; any error is Harness's shape and says nothing internal. */
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
		assertThat(names(json)).as(response.toString()).containsExactly("message");
		assertThat(json.get("message").isString()).as(response.toString()).isTrue();
		assertThat(json.get("message").asString()).as(response.toString()).isNotBlank();
		for (var leak : LEAKS) {
			assertThat(response.body()).as(response.toString()).doesNotContainIgnoringCase(leak);
		}
	}

	enum Kind {

		TEXT, BOOLEAN, ENUM, MAP, OBJECT, LIST

	}

	/** Valid bodies, shaped like what Terraform sends. */
	static final class Bodies {

		static final String SCHEMA = """
				{"identifier": "kept", "name": "Kept schema", "tags": {"env": "dev"},
				 "changelog": {"connector": "git", "location": "db/changelog.yaml", "repo": "repo", "toml": "t"},
				 "service": "svc", "type": "Repository", "migrationType": "Liquibase", "usePercona": false,
				 "primaryDbInstanceId": "primary"}
				""";

		static final String INSTANCE = """
				{"identifier": "kept_inst", "name": "Kept instance", "tags": {"env": "dev"}, "branch": "main",
				 "connector": "pg", "context": "dev", "substituteProperties": {"DB_NAME": "kept"}}
				""";

		static final String FILTER = """
				{"filterType": "Equals", "instanceTags": [{"key": "env", "value": "dev"}]}
				""";

		private Bodies() {
		}

	}

}
