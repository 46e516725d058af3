package dev.dbplane.planetscale;

import java.util.ArrayList;
import java.util.List;

import dev.dbplane.Api;
import dev.dbplane.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.dbplane.Json.names;
import static dev.dbplane.planetscale.PlanetScaleFixtures.databases;
import static dev.dbplane.planetscale.PlanetScaleFixtures.mysql;
import static org.assertj.core.api.Assertions.assertThat;

class DatabaseListIntegrationTests extends IntegrationTest {

	@Autowired
	private Organizations organizations;

	private Api api;

	private String organization;

	private String databases;

	private String base;

	@BeforeEach
	void organizationWithThreeDatabases() {
		this.organization = PlanetScaleFixtures.organization(this.organizations);
		this.api = planetscaleApi(this.organization);
		this.databases = databases(this.organization);
		this.base = "http://127.0.0.1:" + this.port;
		for (var name : List.of("cherry", "apple", "banana")) {
			assertThat(this.api.post(this.databases, mysql(name)).status()).isEqualTo(201);
		}
	}

	@Test
	void whenListingWithoutParametersThenTheEnvelopeHasTotalsAndDefaults() {
		var response = this.api.get(this.databases);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		var body = response.json();
		assertThat(names(body)).containsExactlyInAnyOrder("type", "current_page", "per_page", "next_page",
				"next_page_url", "prev_page", "prev_page_url", "total_count", "total_pages", "data");
		assertThat(body.get("type").asString()).isEqualTo("list");
		assertThat(body.get("current_page").isIntegralNumber()).isTrue();
		assertThat(body.get("current_page").asInt()).isEqualTo(1);
		assertThat(body.get("per_page").asInt()).isEqualTo(25);
		assertThat(body.get("next_page").isNull()).isTrue();
		assertThat(body.get("next_page_url").isNull()).isTrue();
		assertThat(body.get("prev_page").isNull()).isTrue();
		assertThat(body.get("prev_page_url").isNull()).isTrue();
		assertThat(body.get("total_count").isIntegralNumber()).isTrue();
		assertThat(body.get("total_count").asInt()).isEqualTo(3);
		assertThat(body.get("total_pages").isIntegralNumber()).isTrue();
		assertThat(body.get("total_pages").asInt()).isEqualTo(1);
		assertThat(namesOf(body)).containsExactly("apple", "banana", "cherry");
		for (var database : body.get("data")) {
			assertThat(database.get("state").asString()).isEqualTo("pending");
			assertThat(database.get("ready").asBoolean()).isFalse();
			assertThat(database).isEqualTo(this.api.get(this.databases + "/" + database.get("name").asString()).json());
		}
	}

	@Test
	void whenPagingThenNextAndPrevPointAtAbsoluteUrls() {
		var first = this.api.get(this.databases + "?per_page=2").json();
		var second = this.api.get(this.databases + "?page=2&per_page=2").json();

		assertThat(namesOf(first)).containsExactly("apple", "banana");
		assertThat(first.get("next_page").asInt()).isEqualTo(2);
		assertThat(first.get("next_page_url").asString()).isEqualTo(this.base + this.databases + "?page=2&per_page=2");
		assertThat(first.get("prev_page").isNull()).isTrue();
		assertThat(first.get("total_pages").asInt()).isEqualTo(2);
		assertThat(namesOf(second)).containsExactly("cherry");
		assertThat(second.get("current_page").asInt()).isEqualTo(2);
		assertThat(second.get("next_page").isNull()).isTrue();
		assertThat(second.get("next_page_url").isNull()).isTrue();
		assertThat(second.get("prev_page").asInt()).isEqualTo(1);
		assertThat(second.get("prev_page_url").asString()).isEqualTo(this.base + this.databases + "?page=1&per_page=2");
		assertThat(this.api.get(first.get("next_page_url").asString().substring(this.base.length())).json())
			.isEqualTo(second);
	}

	@Test
	void whenThePageIsPastTheEndThenItIs200WithNoData() {
		var response = this.api.get(this.databases + "?page=5&per_page=2");

		assertThat(response.status()).isEqualTo(200);
		var body = response.json();
		assertThat(body.get("data").isArray()).isTrue();
		assertThat(body.get("data")).isEmpty();
		assertThat(body.get("current_page").asInt()).isEqualTo(5);
		assertThat(body.get("next_page").isNull()).isTrue();
		assertThat(body.get("prev_page").asInt()).isEqualTo(4);
		assertThat(body.get("total_count").asInt()).isEqualTo(3);
		assertThat(body.get("total_pages").asInt()).isEqualTo(2);
	}

	@Test
	void whenThePageIsFarPastTheEndThenItIsStillAnEmptyPage() {
		var response = this.api.get(this.databases + "?page=2147483647&per_page=100");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("data")).isEmpty();
	}

	@Test
	void whenThePageIsZeroOrNegativeThenItIsTheFirstPage() {
		for (var page : List.of("0", "-3")) {
			var body = this.api.get(this.databases + "?per_page=2&page=" + page).json();

			assertThat(body.get("current_page").asInt()).isEqualTo(1);
			assertThat(body.get("prev_page").isNull()).isTrue();
			assertThat(namesOf(body)).containsExactly("apple", "banana");
		}
	}

	@Test
	void whenPerPageIsAbove100ThenItIsCappedAt100() {
		var body = this.api.get(this.databases + "?per_page=101").json();

		assertThat(body.get("per_page").asInt()).isEqualTo(100);
		assertThat(body.get("data")).hasSize(3);
	}

	@Test
	void whenPerPageIsZeroThenTheDefaultIsUsed() {
		assertThat(this.api.get(this.databases + "?per_page=0").json().get("per_page").asInt()).isEqualTo(25);
	}

	@Test
	void whenPageIsNotANumberThenItIs400BadRequest() {
		var response = this.api.get(this.databases + "?page=two");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("code").asString()).isEqualTo("bad_request");
	}

	@Test
	void whenQIsGivenThenOnlyMatchingNamesAreListedAndLinksKeepIt() {
		this.api.post(this.databases, mysql("pineapple"));

		var body = this.api.get(this.databases + "?q=apple&per_page=1").json();

		assertThat(body.get("total_count").asInt()).isEqualTo(2);
		assertThat(namesOf(body)).containsExactly("apple");
		assertThat(body.get("next_page_url").asString())
			.isEqualTo(this.base + this.databases + "?q=apple&page=2&per_page=1");
	}

	@Test
	void whenQHoldsALikeWildcardThenItIsMatchedLiterally() {
		this.api.post(this.databases, mysql("a_b"));
		this.api.post(this.databases, mysql("axb"));

		assertThat(namesOf(this.api.get(this.databases + "?q=a_b").json())).containsExactly("a_b");
		assertThat(this.api.get(this.databases + "?q=%25").json().get("total_count").asInt()).isZero();
	}

	@Test
	void whenTheOrganizationHasNoDatabasesThenTheListIsEmpty() {
		var empty = PlanetScaleFixtures.organization(this.organizations);

		var body = planetscaleApi(empty).get(databases(empty)).json();

		assertThat(body.get("data")).isEmpty();
		assertThat(body.get("total_count").asInt()).isZero();
		assertThat(body.get("total_pages").asInt()).isZero();
		assertThat(body.get("next_page").isNull()).isTrue();
	}

	private static List<String> namesOf(JsonNode page) {
		var names = new ArrayList<String>();
		page.get("data").forEach((database) -> names.add(database.get("name").asString()));
		return names;
	}

}
