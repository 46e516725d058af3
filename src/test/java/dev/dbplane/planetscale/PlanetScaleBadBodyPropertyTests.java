package dev.dbplane.planetscale;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.dbplane.Api;
import dev.dbplane.BadInput;
import dev.dbplane.RunningApp;
import dev.dbplane.planetscale.PlanetScaleEndpoint.Fixture;
import dev.dbplane.planetscale.PlanetScaleEndpoint.Kind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeProperty;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import static dev.dbplane.planetscale.PlanetScaleEndpoint.assertErrorShape;
import static dev.dbplane.planetscale.PlanetScaleEndpoint.assertWellFormed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bad request bodies against every PlanetScale endpoint that reads one
 * (database create and PATCH, service-token create, grant and revoke): malformed JSON,
 * wrong JSON types, nulls, unusual and huge text, deep nesting and oversized bodies.
 * Never a 500; every refusal is {@code {"code", "message"}}; a refused request leaves the
 * organization's rows exactly as they were.
 */
class PlanetScaleBadBodyPropertyTests {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private static final JsonMapper plain = JsonMapper.builder().build();

	private static final JsonMapper escaping = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

	private Fixture fixture;

	@BeforeProperty
	void seed() {
		this.fixture = PlanetScaleEndpoint.seed();
	}

	private Api client() {
		return this.fixture.client();
	}

	@Property(tries = 200)
	void whenTheBodyIsNotJsonThenItIs400AndNothingChanges(@ForAll("malformed") Malformed malformed) {
		var before = dump();

		var response = client().send(malformed.endpoint().method(), malformed.endpoint().path(this.fixture),
				BodyPublishers.ofByteArray(malformed.body()), "application/json");

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertErrorShape(response);
		assertThat(dump()).isEqualTo(before);
	}

	@Property(tries = 200)
	void whenAFieldHasTheWrongJsonTypeThenItIs400NamingTheField(@ForAll("wrongTypes") WrongType wrong) {
		var before = dump();
		var body = wrong.endpoint().body(fresh());
		PlanetScaleEndpoint.set(body, wrong.pointer(), wrong.value());

		var response = client().send(wrong.endpoint().method(), wrong.endpoint().path(this.fixture), body.toString(),
				"application/json");

		assertThat(response.status()).as(response + " for " + wrong).isEqualTo(400);
		assertErrorShape(response);
		assertThat(response.json().get("message").asString())
			.startsWith(PlanetScaleEndpoint.fieldName(wrong.pointer()));
		assertThat(dump()).isEqualTo(before);
	}

	@Property(tries = 100)
	void whenTheBodyIsNotAnObjectThenItIs400(@ForAll("notObjects") Map.Entry<PlanetScaleEndpoint, JsonNode> wrong) {
		var before = dump();

		var response = client().send(wrong.getKey().method(), wrong.getKey().path(this.fixture),
				wrong.getValue().toString(), "application/json");

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertErrorShape(response);
		assertThat(response.json().get("message").asString()).startsWith("Request body");
		assertThat(dump()).isEqualTo(before);
	}

	/**
	 * Null is absence: a create refuses a null required field with 422, a PATCH keeps the
	 * stored value of every null field.
	 */
	@Property(tries = 200)
	void whenFieldsAreNullThenRequiredOnesAreRefusedAndOthersAreAbsent(@ForAll("nulls") Nulls nulls) {
		var before = PlanetScaleEndpoint.dumpIgnoringUpdates(RunningApp.jdbc(), this.fixture.organization());
		var endpoint = nulls.endpoint();
		var body = endpoint.body(fresh());
		var effective = new ArrayList<String>();
		for (var pointer : nulls.pointers()) {
			if (!body.at(tools.jackson.core.JsonPointer.compile(pointer).head()).isNull()
					&& PlanetScaleEndpoint.set(body, pointer, nodes.nullNode())) {
				effective.add(pointer);
			}
		}

		var response = client().send(endpoint.method(), endpoint.path(this.fixture), body.toString(),
				"application/json");

		assertWellFormed(response);
		var refused = effective.stream().anyMatch(refusedWhenNull(endpoint)::contains);
		assertThat(response.status()).as(response + " for nulls at " + effective)
			.isEqualTo(refused ? 422 : expectedWhenNotRefused(endpoint, effective));
		if (response.status() < 300 && endpoint.creates()) {
			endpoint.undo(client(), this.fixture, response);
		}
		if (response.status() == 200 && endpoint == PlanetScaleEndpoint.GRANT) {
			// null database: the access was granted organization-wide; take it back
			assertThat(
					client().send("DELETE", endpoint.path(this.fixture), body.toString(), "application/json").status())
				.isEqualTo(204);
		}
		assertThat(PlanetScaleEndpoint.dumpIgnoringUpdates(RunningApp.jdbc(), this.fixture.organization()))
			.isEqualTo(before);
	}

	/**
	 * Unicode, control characters, SQL metacharacters and huge strings in every text
	 * field: free text is stored exactly as sent or refused when PostgreSQL cannot store
	 * it or it is too long; names and keys are refused unless valid.
	 */
	@Property(tries = 300)
	void whenTextIsUnusualThenItIsStoredExactlyOrRefusedWithNothingChanged(@ForAll("texts") Text text) {
		var before = dump();
		var endpoint = text.endpoint();
		var body = endpoint.body(fresh());
		PlanetScaleEndpoint.set(body, text.pointer(), nodes.stringNode(text.value()));
		var json = (text.escaped() ? escaping : plain).writeValueAsString(body);

		var response = client().send(endpoint.method(), endpoint.path(this.fixture), json, "application/json");

		assertWellFormed(response);
		if (!BadInput.storable(text.value())) {
			assertThat(response.status()).as(response.toString()).isEqualTo(400);
			assertThat(response.json().get("message").asString())
				.startsWith(PlanetScaleEndpoint.fieldName(text.pointer()));
		}
		else if (endpoint.freeText(text.pointer())) {
			// the seeded database has automatic migrations on, which need both settings
			var fits = text.value().length() <= endpoint.maxLength(text.pointer())
					&& !(endpoint.refusesBlank(text.pointer()) && text.value().isBlank());
			assertThat(response.status()).as(response + " for " + BadInput.describe(text.value()))
				.isEqualTo(fits ? endpoint.success() : 422);
		}
		if (response.status() >= 300) {
			assertThat(response.status()).isIn(400, 403, 404, 422);
			assertThat(dump()).isEqualTo(before);
			return;
		}
		if (endpoint.freeText(text.pointer())) {
			assertThat(response.json().at(text.pointer()).asString()).isEqualTo(text.value());
		}
		if (endpoint == PlanetScaleEndpoint.UPDATE_DATABASE) {
			var path = response.json().get("url").asString().replaceFirst("^https?://[^/]+", "");
			var read = client().get(path);
			assertThat(read.status()).as(read.toString()).isEqualTo(200);
			if (endpoint.freeText(text.pointer())) {
				assertThat(read.json().at(text.pointer()).asString()).isEqualTo(text.value());
			}
			// back to the seeded settings (and name, when new_name renamed it)
			assertThat(client().patch(path, PlanetScaleEndpoint.Bodies.UPDATE).status()).isEqualTo(200);
		}
		if (endpoint == PlanetScaleEndpoint.UPDATE_BRANCH && !response.json().get("name").asString().equals("main")) {
			// a valid new_name renamed main: back to main
			var renamed = PlanetScaleEndpoint.UPDATE_BRANCH.path(this.fixture)
				.replace("/main", "/" + response.json().get("name").asString());
			assertThat(client().patch(renamed, PlanetScaleEndpoint.Bodies.UPDATE_BRANCH).status()).isEqualTo(200);
		}
		if (endpoint.creates()) {
			endpoint.undo(client(), this.fixture, response);
		}
	}

	/** Integers at and past the ends of their range: answered, never a 500. */
	@Property(tries = 80)
	void whenIntegersAreExtremeThenTheyAreStoredOrRefusedWith422(@ForAll("extremes") WrongType extreme) {
		var before = PlanetScaleEndpoint.dumpIgnoringUpdates(RunningApp.jdbc(), this.fixture.organization());
		var endpoint = extreme.endpoint();
		var body = endpoint.body(fresh());
		PlanetScaleEndpoint.set(body, extreme.pointer(), extreme.value());

		var response = client().send(endpoint.method(), endpoint.path(this.fixture), body.toString(),
				"application/json");

		assertWellFormed(response);
		assertThat(response.status()).as(response + " for " + extreme).isIn(endpoint.success(), 400, 422);
		if (response.status() == 400) {
			// beyond the field's Java type: a wrong type, not a wrong value
			assertThat(response.json().get("message").asString())
				.isEqualTo(PlanetScaleEndpoint.fieldName(extreme.pointer()) + ": must be an integer");
		}
		if (response.status() < 300) {
			endpoint.undo(client(), this.fixture, response);
		}
		assertThat(PlanetScaleEndpoint.dumpIgnoringUpdates(RunningApp.jdbc(), this.fixture.organization()))
			.isEqualTo(before);
	}

	@Property(tries = 100)
	void whenJsonIsNestedDeeplyThenItIsRefusedOrTheUnknownFieldIgnored(@ForAll("deep") Deep deep) {
		var before = PlanetScaleEndpoint.dumpIgnoringUpdates(RunningApp.jdbc(), this.fixture.organization());
		var endpoint = deep.endpoint();
		var json = endpoint.body(fresh())
			.toString()
			.replaceFirst("\\{", "{\"unknown_field\": " + BadInput.nested(deep.depth(), deep.arrays()) + ",");

		var response = client().send(endpoint.method(), endpoint.path(this.fixture), json, "application/json");

		assertWellFormed(response);
		// Jackson refuses documents nested deeper than 500 levels; the body itself is
		// one.
		assertThat(response.status()).as(response.toString())
			.isEqualTo((deep.depth() >= 500) ? 400 : endpoint.success());
		if (response.status() < 300 && endpoint.creates()) {
			endpoint.undo(client(), this.fixture, response);
		}
		assertThat(PlanetScaleEndpoint.dumpIgnoringUpdates(RunningApp.jdbc(), this.fixture.organization()))
			.isEqualTo(before);
	}

	@Property(tries = 18)
	void whenTheBodyIsAroundOneMebibyteThenOnlyWhatIsOverTheLimitIsRefusedWith413(
			@ForAll("oversized") Oversized oversized) {
		var before = PlanetScaleEndpoint.dumpIgnoringUpdates(RunningApp.jdbc(), this.fixture.organization());
		var endpoint = oversized.endpoint();
		var compact = endpoint.body(fresh()).toString();
		var bytes = (compact + " ".repeat(Math.max(0, oversized.size() - compact.length())))
			.getBytes(StandardCharsets.UTF_8);

		var response = client().send(endpoint.method(), endpoint.path(this.fixture),
				oversized.chunked() ? BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))
						: BodyPublishers.ofByteArray(bytes),
				"application/json");

		if (bytes.length > 1024 * 1024) {
			assertThat(response.status()).as(response.toString()).isEqualTo(413);
			assertErrorShape(response);
		}
		else {
			assertThat(response.status()).as(response.toString()).isEqualTo(endpoint.success());
		}
		if (response.status() < 300 && endpoint.creates()) {
			endpoint.undo(client(), this.fixture, response);
		}
		assertThat(PlanetScaleEndpoint.dumpIgnoringUpdates(RunningApp.jdbc(), this.fixture.organization()))
			.isEqualTo(before);
	}

	@Provide
	Arbitrary<Malformed> malformed() {
		return Arbitraries.of(PlanetScaleEndpoint.WITH_BODY).flatMap((endpoint) -> {
			var json = endpoint.body("never-stored").toString();
			return BadInput
				.malformed(json, "unknown_field", "name=x&cluster_size=y", "<database><name>x</name></database>")
				.map((body) -> new Malformed(endpoint, body));
		});
	}

	@Provide
	Arbitrary<WrongType> wrongTypes() {
		return Arbitraries.of(PlanetScaleEndpoint.WITH_BODY)
			.flatMap((endpoint) -> Arbitraries.of(endpoint.pointers())
				.flatMap((pointer) -> Arbitraries.of(wrongValues(endpoint.kind(pointer)))
					.map((value) -> new WrongType(endpoint, pointer, value))));
	}

	@Provide
	Arbitrary<WrongType> extremes() {
		var values = List.<JsonNode>of(nodes.numberNode(0), nodes.numberNode(-1), nodes.numberNode(1),
				nodes.numberNode(Integer.MAX_VALUE), nodes.numberNode(Integer.MIN_VALUE),
				nodes.numberNode(Long.MAX_VALUE), nodes.numberNode(Long.MIN_VALUE), nodes.numberNode(3_155_760_000L),
				nodes.numberNode(3_155_760_001L));
		return Arbitraries.of(PlanetScaleEndpoint.WITH_BODY)
			.filter(PlanetScaleEndpoint::creates)
			.flatMap((endpoint) -> Combinators.combine(Arbitraries
				.of(endpoint.pointers().stream().filter((pointer) -> endpoint.kind(pointer) == Kind.INTEGER).toList()),
					Arbitraries.of(values))
				.as((pointer, value) -> new WrongType(endpoint, pointer, value)));
	}

	@Provide
	Arbitrary<Map.Entry<PlanetScaleEndpoint, JsonNode>> notObjects() {
		var values = List.<JsonNode>of(nodes.arrayNode(), nodes.arrayNode().add(nodes.objectNode()),
				nodes.stringNode(""), nodes.stringNode("{}"), nodes.numberNode(0), nodes.numberNode(1.5),
				nodes.booleanNode(true), nodes.booleanNode(false));
		return Combinators.combine(Arbitraries.of(PlanetScaleEndpoint.WITH_BODY), Arbitraries.of(values))
			.as(Map::entry);
	}

	@Provide
	Arbitrary<Nulls> nulls() {
		return Arbitraries.of(PlanetScaleEndpoint.WITH_BODY)
			.flatMap((endpoint) -> Arbitraries.of(endpoint.pointers())
				.set()
				.ofMinSize(1)
				.map((pointers) -> pointers.stream().sorted(Comparator.comparingInt(String::length)).toList())
				.map((pointers) -> new Nulls(endpoint, pointers)));
	}

	@Provide
	Arbitrary<Text> texts() {
		var anyChars = Arbitraries.strings().all().ofMaxLength(40);
		var controls = Arbitraries.strings().withCharRange('\0', '\u001f').withChars("ab \u007f").ofMaxLength(12);
		var codePoints = Arbitraries.integers()
			.between(0x80, 0x10ffff)
			.filter((cp) -> cp < 0xd800 || cp > 0xdfff)
			.list()
			.ofMaxSize(24)
			.map((cps) -> cps.stream().map(Character::toString).collect(Collectors.joining()));
		var sql = Arbitraries.of("'", "''", "\"", "'; drop table t; --", "' or '1'='1", "\\", "%", "_", "%_\\", "$1",
				"$$", "/*", "--", ";", "E'\\x00'", "null", "{}", "[]", "${jndi:ldap://127.0.0.1/x}", "a\nb", "\r\n",
				"\t", " ", "", "\u00a0", "\u2028", "\ud83d\ude00", "\ud800", "\udc00x", "x\ud800", "\u0000", "a\u0000b",
				"\ufeff", "\uffff", "kept", "PS_10", "mysql", "read_database", "us-east");
		var huge = Combinators
			.combine(Arbitraries.of("x", "\u00e9", "\ud83d\ude00", "\u0001", "'", "ab "),
					Arbitraries.integers().between(60, 120_000))
			.as((unit, n) -> unit.repeat(Math.max(1, n / unit.length())));
		var values = Arbitraries.frequencyOf(Tuple.of(3, anyChars), Tuple.of(2, controls), Tuple.of(3, codePoints),
				Tuple.of(3, sql), Tuple.of(1, huge));
		return Arbitraries.of(PlanetScaleEndpoint.WITH_BODY)
			.flatMap((endpoint) -> Combinators
				.combine(Arbitraries
					.of(endpoint.pointers().stream().filter((pointer) -> endpoint.kind(pointer) == Kind.TEXT).toList()),
						values, Arbitraries.of(true, false))
				.as((pointer, value, escaped) -> new Text(endpoint, pointer, value,
						escaped || !BadInput.storable(value))));
	}

	@Provide
	Arbitrary<Deep> deep() {
		return Combinators
			.combine(Arbitraries.of(PlanetScaleEndpoint.WITH_BODY), Arbitraries.integers().between(1, 3000),
					Arbitraries.of(true, false))
			.as(Deep::new);
	}

	@Provide
	Arbitrary<Oversized> oversized() {
		var limit = 1024 * 1024;
		return Combinators
			.combine(Arbitraries.of(PlanetScaleEndpoint.WITH_BODY),
					Arbitraries.integers().between(limit - 4096, limit + 65536), Arbitraries.of(true, false))
			.as(Oversized::new);
	}

	private static List<JsonNode> wrongValues(Kind kind) {
		var text = nodes.stringNode("text");
		var empty = nodes.stringNode("");
		var number = nodes.numberNode(1);
		var bool = nodes.booleanNode(true);
		var array = nodes.arrayNode();
		var object = nodes.objectNode();
		return switch (kind) {
			case TEXT -> List.of(number, nodes.numberNode(1.5), bool, array, nodes.arrayNode().add("text"), object,
					nodes.objectNode().put("a", "b"));
			case BOOLEAN -> List.of(nodes.stringNode("true"), nodes.stringNode("false"), empty, text,
					nodes.numberNode(0), number, array, object);
			case INTEGER -> List.of(nodes.stringNode("2"), empty, text, nodes.numberNode(2.5), bool, array, object,
					nodes.stringNode("99999999999999999999"),
					nodes.numberNode(new java.math.BigInteger("9".repeat(30))));
			case OBJECT -> List.of(empty, text, number, bool, array, nodes.arrayNode().add(nodes.objectNode()));
			case LIST -> List.of(empty, text, number, bool, object, nodes.objectNode().put("access", "x"),
					nodes.arrayNode().add(1), nodes.arrayNode().add(nodes.arrayNode()),
					nodes.arrayNode().add(nodes.objectNode()));
		};
	}

	/** Fields whose null a request refuses with 422: required ones. */
	private static Set<String> refusedWhenNull(PlanetScaleEndpoint endpoint) {
		return switch (endpoint) {
			case CREATE_MYSQL, CREATE_POSTGRESQL -> Set.of("/name", "/cluster_size");
			case GRANT, REVOKE -> Set.of("/access", "/access/0");
			case CREATE_BRANCH -> Set.of("/name");
			case CREATE_PASSWORD -> Set.of("/cidrs/0");
			case CREATE_ROLE -> Set.of("/inherited_roles/0");
			default -> Set.of();
		};
	}

	/**
	 * A PostgreSQL create without {@code kind} is a MySQL create, which refuses the
	 * PostgreSQL-only fields and size.
	 */
	private static int expectedWhenNotRefused(PlanetScaleEndpoint endpoint, List<String> nulls) {
		if (endpoint == PlanetScaleEndpoint.CREATE_POSTGRESQL && nulls.contains("/kind")) {
			return 422;
		}
		return endpoint.success();
	}

	private static String fresh() {
		return "n-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	private String dump() {
		return PlanetScaleEndpoint.dump(RunningApp.jdbc(), this.fixture.organization());
	}

	record Malformed(PlanetScaleEndpoint endpoint, byte[] body) {

		@Override
		public String toString() {
			return this.endpoint + " "
					+ new String(this.body, StandardCharsets.ISO_8859_1).chars()
						.mapToObj(
								(c) -> (c < 0x20 || c > 0x7e) ? String.format("\\x%02x", c) : String.valueOf((char) c))
						.collect(Collectors.joining());
		}

	}

	record WrongType(PlanetScaleEndpoint endpoint, String pointer, JsonNode value) {
	}

	record Nulls(PlanetScaleEndpoint endpoint, List<String> pointers) {
	}

	record Text(PlanetScaleEndpoint endpoint, String pointer, String value, boolean escaped) {

		@Override
		public String toString() {
			return this.endpoint + " " + this.pointer + " = " + BadInput.describe(this.value);
		}

	}

	record Deep(PlanetScaleEndpoint endpoint, int depth, boolean arrays) {
	}

	record Oversized(PlanetScaleEndpoint endpoint, int size, boolean chunked) {
	}

}
