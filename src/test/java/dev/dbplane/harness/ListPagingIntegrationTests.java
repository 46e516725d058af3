package dev.dbplane.harness;

import java.util.ArrayList;
import java.util.List;

import dev.dbplane.Api;
import dev.dbplane.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.dbplane.harness.HarnessFixtures.instance;
import static dev.dbplane.harness.HarnessFixtures.schemaPath;
import static org.assertj.core.api.Assertions.assertThat;

class ListPagingIntegrationTests extends IntegrationTest {

	private Api api;

	private String schemas;

	@BeforeEach
	void twelveSchemas() {
		this.api = harnessApi();
		this.schemas = schemaPath("org", "proj");
		for (int i = 0; i < 12; i++) {
			var name = (i % 2 == 0) ? "Alpha " + i : "beta " + i;
			this.api.post(this.schemas, """
					{"identifier": "s%02d", "name": "%s", "changelog": {"connector": "c", "location": "l"}}
					""".formatted(i, name));
		}
	}

	@Test
	void whenListingWithDefaultsThenTheFirstTenNewestComeWithPagingHeaders() {
		var response = this.api.get(this.schemas);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.json().isArray()).isTrue();
		assertThat(response.json()).hasSize(10);
		assertThat(response.header("X-Total-Elements")).isEqualTo("12");
		assertThat(response.header("X-Page-Number")).isEqualTo("0");
		assertThat(response.header("X-Page-Size")).isEqualTo("10");
		var created = identifiersAnd(response.json(), "created");
		assertThat(created).isSortedAccordingTo((a, b) -> Long.compare(Long.parseLong(b), Long.parseLong(a)));
	}

	@Test
	void whenWalkingPagesThenEverySchemaAppearsExactlyOnce() {
		var seen = new ArrayList<String>();
		for (int page = 0; page < 4; page++) {
			var response = this.api.get(this.schemas + "?limit=5&page=" + page + "&sort=name&order=ASC");
			assertThat(response.header("X-Page-Number")).isEqualTo(Integer.toString(page));
			seen.addAll(identifiersAnd(response.json(), "identifier"));
		}
		assertThat(seen).hasSize(12).doesNotHaveDuplicates();
	}

	@Test
	void whenSortingByNameThenOrderFollowsNameAndTiesFallBackToIdentifier() {
		var asc = identifiersAnd(this.api.get(this.schemas + "?sort=name&order=ASC&limit=100").json(), "name");
		var desc = identifiersAnd(this.api.get(this.schemas + "?sort=name&order=DESC&limit=100").json(), "name");

		assertThat(asc).hasSize(12).isSorted();
		var reversed = new ArrayList<>(asc);
		java.util.Collections.reverse(reversed);
		assertThat(desc).isEqualTo(reversed);
	}

	@Test
	void whenSearchingThenNameAndIdentifierMatchIgnoringCase() {
		var byName = this.api.get(this.schemas + "?search_term=ALPHA&limit=100");
		var byIdentifier = this.api.get(this.schemas + "?search_term=S1&limit=100");
		var wildcard = this.api.get(this.schemas + "?search_term=%25&limit=100");

		assertThat(byName.json()).hasSize(6);
		assertThat(byName.header("X-Total-Elements")).isEqualTo("6");
		assertThat(identifiersAnd(byIdentifier.json(), "identifier")).containsExactlyInAnyOrder("s10", "s11");
		assertThat(wildcard.json()).isEmpty();
	}

	@Test
	void whenLimitIsZeroThenOnlyTheTotalIsReturned() {
		var response = this.api.get(this.schemas + "?limit=0");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json()).isEmpty();
		assertThat(response.header("X-Total-Elements")).isEqualTo("12");
		assertThat(response.header("X-Page-Size")).isEqualTo("0");
	}

	@Test
	void whenLimitIs100ThenItIsAcceptedAnd101IsRefused() {
		var hundred = this.api.get(this.schemas + "?limit=100");
		var tooMany = this.api.get(this.schemas + "?limit=101");

		assertThat(hundred.status()).isEqualTo(200);
		assertThat(hundred.json()).hasSize(12);
		assertThat(hundred.header("X-Page-Size")).isEqualTo("100");
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.json().get("message").asString()).isEqualTo("limit: must be less than or equal to 100");
	}

	@Test
	void whenThePageIsPastTheEndThenTheListIsEmptyWithTheTotal() {
		var response = this.api.get(this.schemas + "?page=7");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json()).isEmpty();
		assertThat(response.header("X-Total-Elements")).isEqualTo("12");
		assertThat(response.header("X-Page-Number")).isEqualTo("7");
	}

	@Test
	void whenPagingParametersAreInvalidThenEachIs400NamingIt() {
		assertThat(message(this.api.get(this.schemas + "?page=-1")))
			.isEqualTo("page: must be greater than or equal to 0");
		assertThat(message(this.api.get(this.schemas + "?page=abc"))).isEqualTo("page: has an invalid value");
		assertThat(message(this.api.get(this.schemas + "?sort=size")))
			.isEqualTo("sort: must be one of name, updated, created");
		assertThat(message(this.api.get(this.schemas + "?order=UP"))).isEqualTo("order: must be one of ASC, DESC");
	}

	@Test
	void whenFilteringByMigrationTypeThenOnlyThoseSchemasAreListed() {
		this.api.post(this.schemas,
				"""
						{"identifier": "fly", "name": "Fly", "migrationType": "Flyway", "changelog": {"connector": "c", "location": "l"}}
						""");

		var flyway = this.api.get(this.schemas + "?migrationType=Flyway");

		assertThat(identifiersAnd(flyway.json(), "identifier")).containsExactly("fly");
	}

	@Test
	void whenListingInstancesThenTheSamePagingRulesApply() {
		var schema = this.schemas + "/s00";
		for (int i = 0; i < 3; i++) {
			this.api.post(schema + "/instance", instance("i" + i));
		}

		var page = this.api.post(schema + "/instancelist?limit=2&page=1&sort=name&order=ASC", "{}");
		var tooMany = this.api.post(schema + "/instancelist?limit=101", "{}");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.json()).hasSize(1);
		assertThat(page.header("X-Total-Elements")).isEqualTo("3");
		assertThat(page.header("X-Page-Number")).isEqualTo("1");
		assertThat(page.header("X-Page-Size")).isEqualTo("2");
		assertThat(tooMany.status()).isEqualTo(400);
	}

	private static String message(Api.Response response) {
		assertThat(response.status()).isEqualTo(400);
		return response.json().get("message").asString();
	}

	private static List<String> identifiersAnd(JsonNode array, String field) {
		var values = new ArrayList<String>();
		array.forEach((node) -> values.add(node.get(field).asString()));
		return values;
	}

}
