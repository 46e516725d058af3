package dev.dbplane.planetscale;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.dbplane.Api;
import dev.dbplane.RunningApp;
import dev.dbplane.planetscale.PlanetScaleEndpoint.Fixture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;

import static dev.dbplane.planetscale.PlanetScaleEndpoint.assertErrorShape;
import static dev.dbplane.planetscale.PlanetScaleEndpoint.assertWellFormed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bad request lines and headers against the PlanetScale endpoints: path
 * segments that are not names or ids, bad list and cluster-size query parameters, wrong
 * methods, content types and {@code Accept} headers. Never a 500; every refusal is
 * {@code {"code", "message"}} and leaves the organization's rows exactly as they were.
 */
class PlanetScaleBadRequestPropertyTests {

	private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile(Names.PATTERN);

	/** The methods each path answers; HEAD and OPTIONS come with any mapping. */
	private static final Map<PlanetScaleEndpoint, Set<String>> ALLOWED = Map.ofEntries(
			Map.entry(PlanetScaleEndpoint.LIST_DATABASES, Set.of("GET", "POST")),
			Map.entry(PlanetScaleEndpoint.CREATE_MYSQL, Set.of("GET", "POST")),
			Map.entry(PlanetScaleEndpoint.CREATE_POSTGRESQL, Set.of("GET", "POST")),
			Map.entry(PlanetScaleEndpoint.GET_DATABASE, Set.of("GET", "PATCH", "DELETE")),
			Map.entry(PlanetScaleEndpoint.UPDATE_DATABASE, Set.of("GET", "PATCH", "DELETE")),
			Map.entry(PlanetScaleEndpoint.DELETE_DATABASE, Set.of("GET", "PATCH", "DELETE")),
			Map.entry(PlanetScaleEndpoint.DATABASE_REGIONS, Set.of("GET")),
			Map.entry(PlanetScaleEndpoint.CLUSTER_SIZES, Set.of("GET")),
			Map.entry(PlanetScaleEndpoint.CREATE_TOKEN, Set.of("GET", "POST")),
			Map.entry(PlanetScaleEndpoint.GRANT, Set.of("GET", "POST", "DELETE")),
			Map.entry(PlanetScaleEndpoint.REVOKE, Set.of("GET", "POST", "DELETE")),
			Map.entry(PlanetScaleEndpoint.CREATE_BRANCH, Set.of("GET", "POST")),
			Map.entry(PlanetScaleEndpoint.UPDATE_BRANCH, Set.of("GET", "PATCH", "DELETE")),
			Map.entry(PlanetScaleEndpoint.RESIZE_BRANCH, Set.of("GET", "PUT", "DELETE")),
			Map.entry(PlanetScaleEndpoint.CHANGE_BRANCH, Set.of("GET", "PATCH", "DELETE")),
			Map.entry(PlanetScaleEndpoint.CHANGE_CLUSTER, Set.of("PUT")),
			Map.entry(PlanetScaleEndpoint.BRANCH_SCHEMA, Set.of("GET")),
			Map.entry(PlanetScaleEndpoint.BRANCH_DIFF, Set.of("GET")),
			Map.entry(PlanetScaleEndpoint.REFRESH_SCHEMA, Set.of("POST")),
			Map.entry(PlanetScaleEndpoint.KEYSPACES, Set.of("GET")),
			Map.entry(PlanetScaleEndpoint.CREATE_PASSWORD, Set.of("GET", "POST")),
			Map.entry(PlanetScaleEndpoint.CREATE_ROLE, Set.of("GET", "POST")));

	private Fixture fixture;

	@BeforeProperty
	void seed() {
		this.fixture = PlanetScaleEndpoint.seed();
	}

	private Api client() {
		return this.fixture.client();
	}

	@Property(tries = 250)
	void whenAPathSegmentIsNotANameThenItIsRefusedAndNothingChanges(@ForAll("badSegments") BadSegment bad) {
		var before = dump();
		var segments = new String[] { this.fixture.organization(), PlanetScaleEndpoint.DATABASE,
				this.fixture.target() };
		segments[(bad.position() == 0) ? 0 : bad.endpoint().path("o", "{d}", "t").contains("{d}") ? 1 : 2] = URLEncoder
			.encode(bad.segment(), StandardCharsets.UTF_8);
		var path = bad.endpoint().path(segments[0], segments[1], segments[2]);

		var body = bad.endpoint().bodyText(fresh());
		var response = client().send(bad.endpoint().method(), path, body, (body != null) ? "application/json" : null);

		assertWellFormed(response);
		assertThat(response.status()).as(response.toString()).isIn(400, 404, 405, 422);
		assertThat(dump()).isEqualTo(before);
	}

	@Property(tries = 250)
	void whenListParametersAreOutOfRangeThenTheListAnswers400AndOtherwise200(@ForAll("listQueries") Query query) {
		var before = dump();

		var response = client().get(PlanetScaleEndpoint.LIST_DATABASES.path(this.fixture) + "?" + query.queryString());

		assertWellFormed(response);
		// a number that is not one fails conversion (400) before q is validated (422)
		var expected = query.valid() ? 200 : query.invalid("page", "per_page") ? 400 : 422;
		assertThat(response.status()).as(response + " for " + query).isEqualTo(expected);
		if (response.status() == 200) {
			assertThat(response.json().get("type").asString()).isEqualTo("list");
			assertThat(response.json().get("data").isArray()).isTrue();
		}
		assertThat(dump()).isEqualTo(before);
	}

	@Property(tries = 200)
	void whenClusterSizeParametersAreWrongThenTheyAreRefusedAndOtherwiseABareArray(
			@ForAll("clusterSizeQueries") Query query) {
		var before = dump();

		var response = client().get(PlanetScaleEndpoint.CLUSTER_SIZES.path(this.fixture) + "?" + query.queryString());

		assertWellFormed(response);
		if (query.valid()) {
			assertThat(response.status()).as(response + " for " + query).isEqualTo(200);
			assertThat(response.json().isArray()).isTrue();
		}
		else {
			assertThat(response.status()).as(response + " for " + query).isIn(400, 422);
		}
		assertThat(dump()).isEqualTo(before);
	}

	@Property(tries = 150)
	void whenTheMethodIsNotAllowedThenItIs405AndNothingChanges(@ForAll("wrongMethods") WrongMethod wrong) {
		var before = dump();

		var body = wrong.endpoint().bodyText(fresh());
		var response = client().send(wrong.method(), wrong.endpoint().path(this.fixture), (body != null) ? body : "{}",
				"application/json");

		assertThat(response.status()).as(response + " for " + wrong).isEqualTo(405);
		assertErrorShape(response);
		assertThat(dump()).isEqualTo(before);
	}

	@Property(tries = 150)
	void whenTheContentTypeIsNotJsonThenItIs415AndNothingChanges(@ForAll("contentTypes") WrongContentType wrong) {
		var before = dump();

		var response = client().send(wrong.endpoint().method(), wrong.endpoint().path(this.fixture),
				wrong.endpoint().body(fresh()).toString(), wrong.contentType());

		assertThat(response.status()).as(response + " for " + wrong).isEqualTo(415);
		assertErrorShape(response);
		assertThat(dump()).isEqualTo(before);
	}

	@Property(tries = 100)
	void whenJsonIsNotAcceptableThenItIs406InJsonAndNothingChanges(
			@ForAll("accepts") Map.Entry<PlanetScaleEndpoint, String> wrong) {
		var before = dump();
		var endpoint = wrong.getKey();
		var body = endpoint.bodyText(fresh());

		var response = client().withHeader("Accept", wrong.getValue())
			.send(endpoint.method(), endpoint.path(this.fixture), body, (body != null) ? "application/json" : null);

		assertThat(response.status()).as(response + " for " + wrong).isEqualTo(406);
		assertErrorShape(response);
		assertThat(dump()).isEqualTo(before);
	}

	@Provide
	Arbitrary<BadSegment> badSegments() {
		var specials = Arbitraries.of("", " ", ".", "..", "%", "/", "a/b", "a\\b", ";", "kept;x", "kept ", " kept",
				"kept/", "-kept", "_kept", "Kept", "ke.pt", "' OR '1'='1", "kept'--", "%00", "\u0000", "k\u0000",
				"\ud800", "k\u00e9pt", "\ud83d\ude00", "\u202ekept", "?x=1", "#x", "kept%2Fx", "x".repeat(65),
				"a".repeat(2000));
		var random = Arbitraries.strings().all().ofMaxLength(300);
		var segment = Arbitraries.oneOf(specials, random).filter((s) -> !NAME.matcher(s).matches());
		return Arbitraries.of(PlanetScaleEndpoint.values())
			.flatMap((endpoint) -> Combinators
				.combine(Arbitraries.integers().between(0, endpoint.segments() - 1), segment)
				.as((position, text) -> new BadSegment(endpoint, position, text)));
	}

	@Provide
	Arbitrary<Query> listQueries() {
		var notANumber = Arbitraries.of("99999999999", "2147483648", "1.5", "1e3", "abc", "NaN", "--1", "1_0")
			.map(Param::invalid);
		var number = Arbitraries.oneOf(Arbitraries.integers().between(-5, 1000).map((n) -> Param.valid(n + "")),
				Arbitraries.of(Param.valid("2147483647"), Param.valid("-2147483648")), notANumber);
		var q = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(200).map(Param::text),
				Arbitraries.of("%", "_", "\\", "'", "' or 1=1 --", "%_%", "kept", "KEPT", "\u0000", "a\u0000", "\ud800")
					.map(Param::text));
		var unknown = Arbitraries.strings().all().ofMaxLength(50).map(Param::valid);
		return Combinators
			.combine(number.injectNull(0.4), number.injectNull(0.4), q.injectNull(0.4), unknown.injectNull(0.7))
			.as((page, perPage, text, other) -> new Query(new Param[] { named("page", page), named("per_page", perPage),
					named("q", text), named("organization", other) }));
	}

	@Provide
	Arbitrary<Query> clusterSizeQueries() {
		var engine = Arbitraries.oneOf(Arbitraries.of("mysql", "postgresql", " postgresql ", "").map(Param::valid),
				Arbitraries.of("MySQL", "postgres", "pg", "vitess", "mysql;", "\u0000", "x".repeat(300))
					.map(Param::invalid));
		var bool = Arbitraries.oneOf(Arbitraries.of("true", "false", "TRUE", "1", "0", "yes", "off").map(Param::valid),
				Arbitraries.of("maybe", "2", "truee", "t rue").map(Param::invalid));
		var region = Arbitraries.oneOf(Arbitraries.of("us-east", "eu-west", "", " us-east").map(Param::valid),
				Arbitraries.of("mars", "us-east;", "' or 1=1 --", "\u0000", "\ud800", "%").map(Param::invalid),
				Arbitraries.strings()
					.all()
					.ofMinLength(1)
					.ofMaxLength(100)
					.filter((slug) -> !slug.isBlank() && !slug.strip().matches("[a-z0-9-]+"))
					.map(Param::invalid));
		return Combinators
			.combine(engine.injectNull(0.4), bool.injectNull(0.5), bool.injectNull(0.5), region.injectNull(0.4))
			.as((e, postgresql, rates, r) -> {
				// engine=mysql with postgresql=true contradicts itself
				var contradiction = e != null && e.valid() && e.value().strip().equals("mysql") && postgresql != null
						&& postgresql.valid() && Set.of("true", "TRUE", "1", "yes").contains(postgresql.value());
				return new Query(new Param[] { named("engine", e), (contradiction)
						? Param.named("postgresql", postgresql.value(), false) : named("postgresql", postgresql),
						named("rates", rates), named("region", r) });
			});
	}

	@Provide
	Arbitrary<WrongMethod> wrongMethods() {
		var methods = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "TRACE", "PROPFIND", "LOCK", "FOO");
		return Arbitraries.of(PlanetScaleEndpoint.values())
			.flatMap((endpoint) -> Arbitraries.of(methods)
				.filter((method) -> !ALLOWED.get(endpoint).contains(method))
				.map((method) -> new WrongMethod(endpoint, method)));
	}

	@Provide
	Arbitrary<WrongContentType> contentTypes() {
		var known = Arbitraries.of("text/plain", "text/plain; charset=utf-8", "text/html", "application/xml",
				"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream",
				"text/json", "application/jsonx", "application/x-json", "foo", "///", "application/", "json", "*/*",
				"application/*", "text/*");
		var random = Arbitraries.strings()
			.withCharRange('!', '~')
			.ofMinLength(1)
			.ofMaxLength(40)
			.filter((type) -> !type.toLowerCase().contains("json"));
		// The service-token create takes an optional body of any type: not listed.
		return Combinators
			.combine(Arbitraries.of(PlanetScaleEndpoint.CREATE_MYSQL, PlanetScaleEndpoint.UPDATE_DATABASE,
					PlanetScaleEndpoint.GRANT, PlanetScaleEndpoint.REVOKE), Arbitraries.oneOf(known, random))
			.as(WrongContentType::new);
	}

	@Provide
	Arbitrary<Map.Entry<PlanetScaleEndpoint, String>> accepts() {
		return Combinators
			.combine(Arbitraries.of(PlanetScaleEndpoint.values()), Arbitraries.of("text/html", "application/xml",
					"text/plain", "image/png", "text/csv", "text/html, application/xhtml+xml"))
			.as(Map::entry);
	}

	private static Param named(String name, Param param) {
		return (param != null) ? Param.named(name, param.value(), param.valid()) : null;
	}

	private static String fresh() {
		return "n-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	private String dump() {
		return PlanetScaleEndpoint.dump(RunningApp.jdbc(), this.fixture.organization());
	}

	record BadSegment(PlanetScaleEndpoint endpoint, int position, String segment) {
	}

	record WrongMethod(PlanetScaleEndpoint endpoint, String method) {
	}

	record WrongContentType(PlanetScaleEndpoint endpoint, String contentType) {
	}

	/** A query parameter and whether the endpoint must accept it. */
	record Param(String name, String value, boolean valid) {

		static Param named(String name, String value, boolean valid) {
			return new Param(name, value, valid);
		}

		static Param valid(String value) {
			return new Param(null, value, true);
		}

		static Param invalid(String value) {
			return new Param(null, value, false);
		}

		/**
		 * Text is refused only for a NUL, which PostgreSQL cannot compare (URL-encoding
		 * turns a lone surrogate into {@code ?}).
		 */
		static Param text(String value) {
			return new Param(null, value, value.indexOf('\0') < 0);
		}

	}

	record Query(Param[] params) {

		boolean valid() {
			return Arrays.stream(this.params).filter(Objects::nonNull).allMatch(Param::valid);
		}

		boolean invalid(String... names) {
			return Arrays.stream(this.params)
				.filter(Objects::nonNull)
				.anyMatch((p) -> !p.valid() && Arrays.asList(names).contains(p.name()));
		}

		String queryString() {
			return Arrays.stream(this.params)
				.filter(Objects::nonNull)
				.map((p) -> p.name() + "=" + URLEncoder.encode(p.value(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
		}

		@Override
		public String toString() {
			return "?" + queryString();
		}

	}

}
