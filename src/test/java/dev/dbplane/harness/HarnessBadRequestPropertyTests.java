package dev.dbplane.harness;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.dbplane.Api;
import dev.dbplane.RunningApp;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;

import static dev.dbplane.harness.HarnessEndpoint.assertErrorShape;
import static dev.dbplane.harness.HarnessEndpoint.assertWellFormed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bad request lines and headers against all ten Harness endpoints: path
 * segments that are not identifiers, bad query parameters, wrong methods, content types
 * and {@code Accept} headers. Never a 500; every refusal is {@code {"message": ...}} and
 * leaves the account's rows exactly as they were.
 */
class HarnessBadRequestPropertyTests {

	private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile(Identifiers.PATTERN);

	/** The methods each path answers; HEAD and OPTIONS come with GET and any mapping. */
	private static final Map<String, Set<String>> ALLOWED = Map.of("", Set.of("GET", "POST"), "/{s}",
			Set.of("GET", "PUT", "DELETE"), "/{s}/instance", Set.of("POST"), "/{s}/instancelist", Set.of("POST"),
			"/{s}/instance/{i}", Set.of("GET", "PUT", "DELETE"));

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
	void whenAPathSegmentIsNotAnIdentifierThenItIsRefusedAndNothingChanges(@ForAll("badSegments") BadSegment bad) {
		var before = dump();
		var segments = new String[] { HarnessEndpoint.ORG, HarnessEndpoint.PROJECT, HarnessEndpoint.SCHEMA,
				HarnessEndpoint.INSTANCE };
		segments[bad.position()] = URLEncoder.encode(bad.segment(), StandardCharsets.UTF_8);
		var path = bad.endpoint().path(segments[0], segments[1], segments[2], segments[3]);

		var response = send(bad.endpoint(), path);

		assertWellFormed(response);
		assertThat(response.status()).as(response.toString()).isIn(400, 404, 405);
		assertThat(dump()).isEqualTo(before);
	}

	@Property(tries = 300)
	void whenQueryParametersAreOutOfRangeThenListsAnswer400AndOtherwise200(@ForAll("queries") Query query) {
		var before = dump();

		var response = send(query.endpoint(), query.endpoint().path() + "?" + query.queryString());

		assertWellFormed(response);
		assertThat(response.status()).as(response + " for " + query).isEqualTo(query.valid() ? 200 : 400);
		if (response.status() == 200) {
			assertThat(response.json().isArray()).isTrue();
			assertThat(response.header("X-Total-Elements")).isNotNull();
		}
		assertThat(dump()).isEqualTo(before);
	}

	@Property(tries = 200)
	void whenTheMethodIsNotAllowedThenItIs405AndNothingChanges(@ForAll("wrongMethods") WrongMethod wrong) {
		var before = dump();

		var body = wrong.endpoint().bodyText(fresh());
		var response = client().send(wrong.method(), wrong.endpoint().path(), (body != null) ? body : "{}",
				"application/json");

		assertThat(response.status()).as(response + " for " + wrong).isEqualTo(405);
		assertErrorShape(response);
		assertThat(dump()).isEqualTo(before);
	}

	@Property(tries = 200)
	void whenTheContentTypeIsNotJsonThenItIs415AndNothingChanges(@ForAll("contentTypes") WrongContentType wrong) {
		var before = dump();

		var response = client().send(wrong.endpoint().method(), wrong.endpoint().path(),
				wrong.endpoint().body(fresh()).toString(), wrong.contentType());

		assertThat(response.status()).as(response + " for " + wrong).isEqualTo(415);
		assertErrorShape(response);
		assertThat(dump()).isEqualTo(before);
	}

	@Property(tries = 150)
	void whenJsonIsNotAcceptableThenItIs406InJsonAndNothingChanges(
			@ForAll("accepts") Map.Entry<HarnessEndpoint, String> wrong) {
		var before = dump();
		var endpoint = wrong.getKey();
		var body = endpoint.bodyText(fresh());

		var response = client().withHeader("Accept", wrong.getValue())
			.send(endpoint.method(), endpoint.path(), body, (body != null) ? "application/json" : null);

		assertThat(response.status()).as(response + " for " + wrong).isEqualTo(406);
		assertErrorShape(response);
		assertThat(dump()).isEqualTo(before);
	}

	@Provide
	Arbitrary<BadSegment> badSegments() {
		var specials = Arbitraries.of("", " ", ".", "..", "%", "/", "a/b", "a\\b", ";", "kept;x", "kept ", " kept",
				"kept/", "9kept", "ke-pt", "ke.pt", "' OR '1'='1", "kept'--", "%00", "\u0000", "k\u0000", "\ud800",
				"k\u00e9pt", "\ud83d\ude00", "\u202ekept", "?x=1", "#x", "kept%2Fx", "x".repeat(129), "a".repeat(2000));
		var random = Arbitraries.strings().all().ofMaxLength(300);
		var segment = Arbitraries.oneOf(specials, random).filter((s) -> !IDENTIFIER.matcher(s).matches());
		return Arbitraries.of(HarnessEndpoint.values())
			.flatMap((endpoint) -> Combinators
				.combine(Arbitraries.integers().between(0, positions(endpoint) - 1), segment)
				.as((position, text) -> new BadSegment(endpoint, position, text)));
	}

	@Provide
	Arbitrary<Query> queries() {
		var notANumber = Arbitraries.of("-1", "99999999999", "2147483648", "1.5", "1e3", "abc", "NaN", "--1", "1_0")
			.map(Param::invalid);
		var limit = Arbitraries.oneOf(Arbitraries.integers().between(0, 100).map((n) -> Param.valid(n + "")),
				Arbitraries.of(Param.invalid("101")), notANumber);
		var page = Arbitraries.oneOf(Arbitraries.integers().between(0, 1000).map((n) -> Param.valid(n + "")),
				Arbitraries.of(Param.valid("21474836"), Param.invalid("21474837"), Param.invalid("2147483647")),
				notANumber);
		var sort = Arbitraries.oneOf(Arbitraries.of("name", "updated", "created").map(Param::valid),
				Arbitraries.of("NAME", "identifier", "id", "created;drop", "name desc", "").map(Param::invalid));
		var order = Arbitraries.oneOf(Arbitraries.of("ASC", "DESC", "asc", "Desc").map(Param::valid),
				Arbitraries.of("up", "ASC;", "1", "").map(Param::invalid));
		var searchTerm = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(200).map(Param::search),
				Arbitraries.of("%", "_", "\\", "'", "' or 1=1 --", "%_%", "\u0000", "a\u0000").map(Param::search));
		var migrationType = Arbitraries.oneOf(Arbitraries.of("Liquibase", "Flyway").map(Param::valid),
				Arbitraries.of("liquibase", "x", "0", "1").map(Param::invalid));
		var unknown = Arbitraries.strings().all().ofMaxLength(50).map(Param::ignored);
		// Percent escapes a URI may carry whose bytes are not UTF-8 (Java's client
		// refuses
		// to send a broken escape such as %ZZ; the fault script sends those with curl).
		var malformed = Arbitraries.of("%e9", "%FF", "%ED%A0%80", "%C0%80", "%C3%28");
		return Combinators
			.combine(Arbitraries.of(HarnessEndpoint.LIST_SCHEMAS, HarnessEndpoint.LIST_INSTANCES), page.injectNull(0.5),
					limit.injectNull(0.5), sort.injectNull(0.5), order.injectNull(0.5), searchTerm.injectNull(0.5),
					migrationType.injectNull(0.7), unknown.injectNull(0.7))
			.as((endpoint, p, l, s, o, q, m, u) -> new Query(endpoint,
					new Param[] { named("page", p), named("limit", l), named("sort", s), named("order", o),
							named("search_term", q),
							named("migrationType", (endpoint == HarnessEndpoint.LIST_SCHEMAS) ? m : ignored(m)),
							named("accountIdentifier", u) },
					null))
			.flatMap((query) -> malformed.injectNull(0.85).map(query::withRawSearchTerm));
	}

	@Provide
	Arbitrary<WrongMethod> wrongMethods() {
		var methods = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "TRACE", "PROPFIND", "LOCK", "FOO");
		return Arbitraries.of(HarnessEndpoint.values())
			.flatMap((endpoint) -> Arbitraries.of(methods)
				.filter((method) -> !ALLOWED.get(suffixOf(endpoint)).contains(method))
				.map((method) -> new WrongMethod(endpoint, method)));
	}

	@Provide
	Arbitrary<WrongContentType> contentTypes() {
		var known = Arbitraries.of("text/plain", "text/plain; charset=utf-8", "text/html", "application/xml",
				"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream",
				"image/png", "text/json", "application/jsonx", "application/x-json", "foo", "///", "application/",
				"json", "*/*", "application/*", "text/*");
		var random = Arbitraries.strings()
			.withCharRange('!', '~')
			.ofMinLength(1)
			.ofMaxLength(40)
			.filter((type) -> !type.toLowerCase().contains("json"));
		return Combinators.combine(Arbitraries.of(HarnessEndpoint.WITH_BODY), Arbitraries.oneOf(known, random))
			.as(WrongContentType::new);
	}

	@Provide
	Arbitrary<Map.Entry<HarnessEndpoint, String>> accepts() {
		return Combinators
			.combine(Arbitraries.of(HarnessEndpoint.values()), Arbitraries.of("text/html", "application/xml",
					"text/plain", "image/png", "text/csv", "application/pdf", "text/html, application/xhtml+xml"))
			.as(Map::entry);
	}

	private Api.Response send(HarnessEndpoint endpoint, String path) {
		var body = endpoint.bodyText(fresh());
		return client().send(endpoint.method(), path, body, (body != null) ? "application/json" : null);
	}

	/** How many path segments an endpoint has: org, project, schema, instance. */
	private static int positions(HarnessEndpoint endpoint) {
		var suffix = suffixOf(endpoint);
		return suffix.contains("{i}") ? 4 : suffix.contains("{s}") ? 3 : 2;
	}

	private static String suffixOf(HarnessEndpoint endpoint) {
		var path = endpoint.path("o", "p", "{s}", "{i}");
		return path.substring(path.indexOf("/dbschema") + "/dbschema".length());
	}

	private static Param named(String name, Param param) {
		return (param != null) ? new Param(name, param.value(), param.valid()) : null;
	}

	private static Param ignored(Param param) {
		return (param != null) ? Param.ignored(param.value()) : null;
	}

	private static String fresh() {
		return "n_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	private String dump() {
		return HarnessEndpoint.dump(RunningApp.jdbc(), this.account);
	}

	record BadSegment(HarnessEndpoint endpoint, int position, String segment) {
	}

	record WrongMethod(HarnessEndpoint endpoint, String method) {
	}

	record WrongContentType(HarnessEndpoint endpoint, String contentType) {
	}

	/** A query parameter and whether the list endpoint must accept it. */
	record Param(String name, String value, boolean valid) {

		static Param valid(String value) {
			return new Param(null, value, true);
		}

		static Param invalid(String value) {
			return new Param(null, value, false);
		}

		static Param ignored(String value) {
			return new Param(null, value, true);
		}

		/** A search term is refused only for a NUL, which PostgreSQL cannot compare. */
		static Param search(String value) {
			return new Param(null, value, value.indexOf('\0') < 0);
		}

	}

	/**
	 * Query parameters, URL-encoded, and optionally a search term sent without encoding
	 * (malformed percent-encoding or bytes that are not UTF-8).
	 */
	record Query(HarnessEndpoint endpoint, Param[] params, String rawSearchTerm) {

		Query withRawSearchTerm(String raw) {
			return new Query(this.endpoint, this.params, raw);
		}

		boolean valid() {
			return this.rawSearchTerm == null
					&& java.util.Arrays.stream(this.params).filter(java.util.Objects::nonNull).allMatch(Param::valid);
		}

		String queryString() {
			var query = java.util.Arrays.stream(this.params)
				.filter(java.util.Objects::nonNull)
				.map((p) -> p.name() + "=" + URLEncoder.encode(p.value(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return (this.rawSearchTerm != null) ? query + "&search_term=" + this.rawSearchTerm : query;
		}

		@Override
		public String toString() {
			return this.endpoint + " ?" + queryString();
		}

	}

}
