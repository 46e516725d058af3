package dev.dbplane.harness;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.dbplane.Api;
import dev.dbplane.BadInput;
import dev.dbplane.RunningApp;
import dev.dbplane.harness.HarnessEndpoint.Kind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static dev.dbplane.harness.HarnessEndpoint.assertErrorShape;
import static dev.dbplane.harness.HarnessEndpoint.assertWellFormed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bad request bodies against every Harness endpoint that reads one: malformed
 * JSON, wrong JSON types, nulls, unusual and huge text, deep nesting and oversized
 * bodies. Never a 500; every refusal is {@code {"message": ...}}; a refused request
 * leaves the account's rows exactly as they were, and an accepted one stores exactly what
 * it acknowledged.
 */
class HarnessBadBodyPropertyTests {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private static final JsonMapper plain = JsonMapper.builder().build();

	private static final JsonMapper escaping = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

	private String account;

	private String key;

	@BeforeProperty
	void seed() {
		this.account = "props_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		this.key = null;
		HarnessEndpoint.seed(client());
	}

	private Api client() {
		if (this.key == null) {
			this.key = RunningApp.harnessKey(this.account);
		}
		return new Api(RunningApp.port()).withHeader("x-api-key", this.key);
	}

	@Property(tries = 300)
	void whenTheBodyIsNotJsonThenItIs400AndNothingChanges(@ForAll("malformed") Malformed malformed) {
		var before = dump();

		var response = client().send(malformed.endpoint().method(), malformed.endpoint().path(),
				BodyPublishers.ofByteArray(malformed.body()), "application/json");

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertErrorShape(response);
		assertThat(dump()).isEqualTo(before);
	}

	@Property(tries = 300)
	void whenAFieldHasTheWrongJsonTypeThenItIs400NamingTheField(@ForAll("wrongTypes") WrongType wrong) {
		var before = dump();
		var body = wrong.endpoint().body(fresh());
		HarnessEndpoint.set(body, wrong.pointer(), wrong.value());

		var response = client().send(wrong.endpoint().method(), wrong.endpoint().path(), body.toString(),
				"application/json");

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertErrorShape(response);
		assertThat(response.json().get("message").asString())
			.matches(Pattern.quote(HarnessEndpoint.fieldName(wrong.pointer())) + "[:.\\[].*");
		assertThat(dump()).isEqualTo(before);
	}

	@Property(tries = 200)
	void whenTheBodyIsNotAnObjectThenItIs400(@ForAll("notObjects") Map.Entry<HarnessEndpoint, JsonNode> wrong) {
		var before = dump();

		var response = client().send(wrong.getKey().method(), wrong.getKey().path(), wrong.getValue().toString(),
				"application/json");

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertErrorShape(response);
		assertThat(response.json().get("message").asString()).startsWith("Request body");
		assertThat(dump()).isEqualTo(before);
	}

	/**
	 * Null is absence: a create refuses a null required field and stores the rest; a PUT
	 * keeps the stored value of every null field.
	 */
	@Property(tries = 300)
	void whenFieldsAreNullThenRequiredOnesAreRefusedAndOthersKeepTheirValues(@ForAll("nulls") Nulls nulls) {
		var before = dumpIgnoringUpdates();
		var identifier = fresh();
		var body = nulls.endpoint().body(identifier);
		var effective = new ArrayList<String>();
		for (var pointer : nulls.pointers()) {
			if (!isNullOrGone(body, pointer) && HarnessEndpoint.set(body, pointer, nodes.nullNode())) {
				effective.add(pointer);
			}
		}

		var response = client().send(nulls.endpoint().method(), nulls.endpoint().path(), body.toString(),
				"application/json");

		assertWellFormed(response);
		var refused = effective.stream().anyMatch(refusedWhenNull(nulls.endpoint())::contains);
		assertThat(response.status()).as(response + " for nulls at " + effective)
			.isEqualTo(refused ? 400 : nulls.endpoint().creates() ? 201 : 200);
		if (response.status() == 201) {
			assertStoredAsAcknowledged(nulls.endpoint().createdPath(identifier), response);
			assertThat(client().delete(nulls.endpoint().createdPath(identifier)).status()).isEqualTo(204);
		}
		assertThat(dumpIgnoringUpdates()).isEqualTo(before);
	}

	/**
	 * Unicode, control characters, SQL metacharacters and huge strings in every text
	 * field (and as map keys): stored exactly as sent, or refused with 400 when
	 * PostgreSQL cannot store them (NUL, unpaired surrogates) or a rule forbids them.
	 */
	@Property(tries = 400)
	void whenTextIsUnusualThenItIsStoredExactlyOrRefusedWithNothingChanged(@ForAll("texts") Text text) {
		var before = dump();
		var identifier = fresh();
		var body = text.endpoint().body(identifier);
		var field = text.field();
		if (field.key()) {
			HarnessEndpoint.set(body, field.pointer(), nodes.objectNode().put(text.value(), "v"));
		}
		else {
			HarnessEndpoint.set(body, field.pointer(), nodes.stringNode(text.value()));
		}
		var json = (text.escaped() ? escaping : plain).writeValueAsString(body);

		var response = client().send(text.endpoint().method(), text.endpoint().path(), json, "application/json");

		assertWellFormed(response);
		var expected = field.accepts(text.value());
		if (expected != null) {
			assertThat(response.status() < 300).as(response + " for " + field + " = " + BadInput.describe(text.value()))
				.isEqualTo(expected);
		}
		if (response.status() >= 300) {
			assertThat(response.status()).isEqualTo(400);
			assertThat(dump()).isEqualTo(before);
			if (!BadInput.storable(text.value()) && !field.key()) {
				assertThat(response.json().get("message").asString())
					.startsWith(HarnessEndpoint.fieldName(field.pointer()));
			}
			return;
		}
		var stored = response.json().at(field.pointer());
		if (field.key()) {
			assertThat(stored.propertyNames()).containsExactly(text.value());
		}
		else {
			assertThat(stored.asString()).isEqualTo(text.value());
		}
		var path = text.endpoint().creates() ? text.endpoint().createdPath(identifier) : text.endpoint().path();
		assertStoredAsAcknowledged(path, response);
		if (text.endpoint().creates()) {
			assertThat(client().delete(path).status()).isEqualTo(204);
		}
	}

	@Property(tries = 150)
	void whenJsonIsNestedDeeplyThenItIsRefusedOrTheUnknownFieldIgnored(@ForAll("deep") Deep deep) {
		var before = dumpIgnoringUpdates();
		var identifier = fresh();
		var body = deep.endpoint().body(identifier);
		String json;
		if (deep.pointer() == null) {
			json = body.toString()
				.replaceFirst("\\{", "{\"unknownField\": " + BadInput.nested(deep.depth(), deep.arrays()) + ",");
		}
		else {
			HarnessEndpoint.set(body, deep.pointer(), nodes.stringNode("__deep__"));
			json = body.toString().replace("\"__deep__\"", BadInput.nested(deep.depth(), deep.arrays()));
		}

		var response = client().send(deep.endpoint().method(), deep.endpoint().path(), json, "application/json");

		assertWellFormed(response);
		// Jackson refuses documents nested deeper than 500 levels; the body itself is
		// one.
		if (deep.depth() >= 500 || deep.pointer() != null) {
			assertThat(response.status()).as(response.toString()).isEqualTo(400);
		}
		else {
			assertThat(response.status()).as(response.toString()).isEqualTo(deep.endpoint().creates() ? 201 : 200);
		}
		if (response.status() == 201) {
			assertThat(client().delete(deep.endpoint().createdPath(identifier)).status()).isEqualTo(204);
		}
		assertThat(dumpIgnoringUpdates()).isEqualTo(before);
	}

	@Property(tries = 24)
	void whenTheBodyIsAroundOneMebibyteThenOnlyWhatIsOverTheLimitIsRefusedWith413(
			@ForAll("oversized") Oversized oversized) {
		var before = dumpIgnoringUpdates();
		var identifier = fresh();
		var compact = oversized.endpoint().body(identifier).toString();
		var bytes = (compact + " ".repeat(Math.max(0, oversized.size() - compact.length())))
			.getBytes(StandardCharsets.UTF_8);

		var response = client().send(oversized.endpoint().method(), oversized.endpoint().path(),
				oversized.chunked() ? BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))
						: BodyPublishers.ofByteArray(bytes),
				"application/json");

		if (bytes.length > 1024 * 1024) {
			assertThat(response.status()).as(response.toString()).isEqualTo(413);
			assertErrorShape(response);
		}
		else {
			assertThat(response.status()).as(response.toString()).isEqualTo(oversized.endpoint().creates() ? 201 : 200);
		}
		if (response.status() == 201) {
			assertThat(client().delete(oversized.endpoint().createdPath(identifier)).status()).isEqualTo(204);
		}
		assertThat(dumpIgnoringUpdates()).isEqualTo(before);
	}

	@Provide
	Arbitrary<Malformed> malformed() {
		return Arbitraries.of(HarnessEndpoint.WITH_BODY).flatMap((endpoint) -> {
			var json = endpoint.body("never_stored").toString();
			return BadInput
				.malformed(json, "unknownField", "identifier=x&name=y", "<schema><name>x</name></schema>",
						new byte[] { (byte) 0xf5, (byte) 0x80, (byte) 0x80, (byte) 0x80 })
				.map((body) -> new Malformed(endpoint, body));
		});
	}

	@Provide
	Arbitrary<WrongType> wrongTypes() {
		return Arbitraries.of(HarnessEndpoint.WITH_BODY)
			.flatMap((endpoint) -> Arbitraries.of(endpoint.pointers())
				.flatMap((pointer) -> Arbitraries.of(wrongValues(endpoint.kind(pointer)))
					.map((value) -> new WrongType(endpoint, pointer, value))));
	}

	@Provide
	Arbitrary<Map.Entry<HarnessEndpoint, JsonNode>> notObjects() {
		var values = List.<JsonNode>of(nodes.arrayNode(), nodes.arrayNode().add(nodes.objectNode()),
				nodes.stringNode(""), nodes.stringNode("{}"), nodes.numberNode(0), nodes.numberNode(1.5),
				nodes.booleanNode(true), nodes.booleanNode(false));
		return Combinators.combine(Arbitraries.of(HarnessEndpoint.WITH_BODY), Arbitraries.of(values)).as(Map::entry);
	}

	@Provide
	Arbitrary<Nulls> nulls() {
		return Arbitraries.of(HarnessEndpoint.WITH_BODY)
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
		var sql = Arbitraries.of("'", "''", "\"", "'; drop table harness_schema; --", "' or '1'='1", "\\", "%", "_",
				"%_\\", "$1", "$$", "/*", "*/", "--", ";", "\\'", "E'\\x00'", "null", "NULL", "\\u0000", "{}", "[]",
				"\"}", "${jndi:ldap://127.0.0.1/x}", "a\nb", "\r\n", "\t", " ", "", "\u00a0", "\u2028", "\ud83d\ude00",
				"\ud800", "\udc00x", "x\ud800", "\u0000", "a\u0000b", "\ufeff", "\uffff");
		var huge = Combinators
			.combine(Arbitraries.of("x", "\u00e9", "\ud83d\ude00", "\u0001", "'", "ab "),
					Arbitraries.integers().between(100, 120_000))
			.as((unit, n) -> unit.repeat(Math.max(1, n / unit.length())));
		var values = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, anyChars), net.jqwik.api.Tuple.of(2, controls),
				net.jqwik.api.Tuple.of(3, codePoints), net.jqwik.api.Tuple.of(3, sql), net.jqwik.api.Tuple.of(1, huge));
		var endpoints = Arbitraries.of(HarnessEndpoint.CREATE_SCHEMA, HarnessEndpoint.UPDATE_SCHEMA,
				HarnessEndpoint.CREATE_INSTANCE, HarnessEndpoint.UPDATE_INSTANCE);
		return endpoints.flatMap((endpoint) -> Combinators
			.combine(Arbitraries.of(TextField.of(endpoint)), values, Arbitraries.of(true, false))
			.as((field, text, escaped) -> {
				var value = field.key() ? text.substring(0, Math.min(text.length(), 200)) : text;
				return new Text(endpoint, field, value, escaped || !BadInput.storable(value));
			}));
	}

	@Provide
	Arbitrary<Deep> deep() {
		return Arbitraries.of(HarnessEndpoint.WITH_BODY)
			.flatMap((endpoint) -> Combinators
				.combine(Arbitraries.integers().between(1, 3000), Arbitraries.of(true, false),
						Arbitraries.of(endpoint.pointers()).injectNull(0.5))
				.as((depth, arrays, pointer) -> new Deep(endpoint, depth, arrays,
						(pointer != null && endpoint.kind(pointer) == Kind.TEXT) ? pointer : null)));
	}

	@Provide
	Arbitrary<Oversized> oversized() {
		var limit = 1024 * 1024;
		return Combinators
			.combine(Arbitraries.of(HarnessEndpoint.WITH_BODY),
					Arbitraries.integers().between(limit - 4096, limit + 65536), Arbitraries.of(true, false))
			.as(Oversized::new);
	}

	private static List<JsonNode> wrongValues(Kind kind) {
		var text = nodes.stringNode("text");
		var empty = nodes.stringNode("");
		var number = nodes.numberNode(1);
		var decimal = nodes.numberNode(1.5);
		var bool = nodes.booleanNode(true);
		var array = nodes.arrayNode();
		var object = nodes.objectNode();
		return switch (kind) {
			case TEXT -> List.of(number, decimal, bool, nodes.booleanNode(false), array, nodes.arrayNode().add("text"),
					object, nodes.objectNode().put("a", "b"));
			case BOOLEAN -> List.of(nodes.stringNode("true"), nodes.stringNode("false"), empty, text,
					nodes.numberNode(0), number, array, object, nodes.arrayNode().add(true));
			case ENUM -> List.of(nodes.numberNode(0), number, nodes.numberNode(7), bool, array, object, empty,
					nodes.stringNode("Unknown"), nodes.stringNode("repository"), nodes.arrayNode().add("Repository"));
			case MAP -> List.of(empty, text, number, bool, array,
					nodes.arrayNode().add(nodes.objectNode().put("k", "v")), nodes.objectNode().put("k", 1),
					nodes.objectNode().put("k", true), nodes.objectNode().set("k", nodes.arrayNode()),
					nodes.objectNode().set("k", nodes.objectNode()));
			case OBJECT -> List.of(empty, text, number, bool, array, nodes.arrayNode().add(nodes.objectNode()));
			case LIST -> List.of(empty, text, number, bool, object, nodes.objectNode().put("key", "env"),
					nodes.arrayNode().add(1), nodes.arrayNode().add("env"), nodes.arrayNode().add(nodes.arrayNode()));
		};
	}

	/**
	 * Fields whose null a create refuses (required) or a PUT refuses (null map values).
	 */
	private static Set<String> refusedWhenNull(HarnessEndpoint endpoint) {
		return switch (endpoint) {
			case CREATE_SCHEMA -> Set.of("/identifier", "/name", "/changelog", "/changelog/location", "/tags/env");
			case CREATE_INSTANCE ->
				Set.of("/identifier", "/name", "/connector", "/branch", "/tags/env", "/substituteProperties/DB_NAME");
			case UPDATE_SCHEMA -> Set.of("/tags/env");
			case UPDATE_INSTANCE -> Set.of("/tags/env", "/substituteProperties/DB_NAME");
			case LIST_INSTANCES -> Set.of("/instanceTags/0", "/instanceTags/0/key");
			default -> Set.of();
		};
	}

	private static boolean isNullOrGone(JsonNode body, String pointer) {
		var parent = tools.jackson.core.JsonPointer.compile(pointer).head();
		for (var at = parent; at != null; at = at.head()) {
			var node = body.at(at);
			if (node.isMissingNode() || node.isNull()) {
				return true;
			}
		}
		return false;
	}

	private void assertStoredAsAcknowledged(String path, Api.Response acknowledged) {
		var read = client().get(path);
		assertThat(read.status()).as(read.toString()).isEqualTo(200);
		var expected = (ObjectNode) acknowledged.json();
		var actual = (ObjectNode) read.json();
		// instanceCount is the only field a read computes afresh
		expected.remove("instanceCount");
		actual.remove("instanceCount");
		assertThat(actual).isEqualTo(expected);
	}

	private static String fresh() {
		return "n_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	private String dump() {
		return HarnessEndpoint.dump(RunningApp.jdbc(), this.account);
	}

	private String dumpIgnoringUpdates() {
		return HarnessEndpoint.dumpIgnoringUpdates(RunningApp.jdbc(), this.account);
	}

	record Malformed(HarnessEndpoint endpoint, byte[] body) {

		@Override
		public String toString() {
			return this.endpoint + " "
					+ new String(this.body, StandardCharsets.ISO_8859_1).chars()
						.mapToObj(
								(c) -> (c < 0x20 || c > 0x7e) ? String.format("\\x%02x", c) : String.valueOf((char) c))
						.collect(Collectors.joining());
		}

	}

	record WrongType(HarnessEndpoint endpoint, String pointer, JsonNode value) {
	}

	record Nulls(HarnessEndpoint endpoint, List<String> pointers) {
	}

	record Deep(HarnessEndpoint endpoint, int depth, boolean arrays, String pointer) {
	}

	record Oversized(HarnessEndpoint endpoint, int size, boolean chunked) {
	}

	record Text(HarnessEndpoint endpoint, TextField field, String value, boolean escaped) {

		@Override
		public String toString() {
			return this.endpoint + " " + this.field + " = " + BadInput.describe(this.value)
					+ (this.escaped ? " (escaped)" : "");
		}

	}

	/**
	 * A text field of a body and the rules it follows besides being storable.
	 *
	 * @param key whether the text is a key of the map at the pointer rather than a value
	 */
	record TextField(String pointer, boolean key, int minLength, int maxLength, boolean nonBlank) {

		static List<TextField> of(HarnessEndpoint endpoint) {
			var max = Integer.MAX_VALUE;
			if (endpoint == HarnessEndpoint.CREATE_SCHEMA || endpoint == HarnessEndpoint.UPDATE_SCHEMA) {
				return List.of(new TextField("/name", false, 1, 128, true),
						new TextField("/service", false, 1, max, false),
						new TextField("/primaryDbInstanceId", false, 0, max, false),
						new TextField("/changelog/connector", false, 0, max, false),
						new TextField("/changelog/location", false, 1, max, false),
						new TextField("/changelog/repo", false, 1, max, false),
						new TextField("/changelog/toml", false, 0, max, false),
						new TextField("/tags/env", false, 0, 128, false), new TextField("/tags", true, 0, max, false));
			}
			return List.of(new TextField("/name", false, 1, 128, true),
					new TextField("/connector", false, 1, max, true), new TextField("/branch", false, 1, max, true),
					new TextField("/context", false, 0, max, false),
					new TextField("/substituteProperties/DB_NAME", false, 0, max, false),
					new TextField("/tags/env", false, 0, 128, false), new TextField("/tags", true, 0, max, false),
					new TextField("/substituteProperties", true, 0, max, false));
		}

		/**
		 * Whether the text must be accepted, or {@code null} where "blank" is a matter of
		 * definition (control characters, Unicode spaces).
		 */
		Boolean accepts(String text) {
			if (!BadInput.storable(text) || text.length() < this.minLength || text.length() > this.maxLength) {
				return false;
			}
			if (!this.nonBlank) {
				return true;
			}
			if (text.chars().allMatch((c) -> c == ' ' || (c >= '\t' && c <= '\r'))) {
				return false;
			}
			return text.codePoints().anyMatch(Character::isLetterOrDigit) ? true : null;
		}

	}

}
