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
import static dev.dbplane.planetscale.PlanetScaleFixtures.ID;
import static org.assertj.core.api.Assertions.assertThat;

class CatalogueApiIntegrationTests extends IntegrationTest {

	private static final List<String> SHIPPED_REGIONS = List.of("us-east", "us-west", "eu-west", "eu-central",
			"ap-northeast", "ap-southeast", "ap-south", "aws-us-east-2", "aws-ap-southeast-2", "aws-sa-east-1",
			"aws-eu-west-2", "gcp-us-central1", "gcp-us-east4", "gcp-northamerica-northeast1", "gcp-asia-northeast3");

	private static final List<String> MYSQL_SIZES = List.of("PS_DEV", "PS_10", "PS_20", "PS_40", "PS_80", "PS_160",
			"PS_320", "PS_400", "PS_640", "PS_700", "PS_900", "PS_1280", "PS_1400", "PS_1800", "PS_2100", "PS_2560",
			"PS_2700", "PS_2800");

	@Autowired
	private Organizations organizations;

	private Api api;

	private String organization;

	@BeforeEach
	void organization() {
		this.organization = PlanetScaleFixtures.organization(this.organizations, "eu-west");
		this.api = planetscaleApi(this.organization);
	}

	@Test
	void whenListingPublicRegionsWithoutCredentialsThenEachHasTheSevenPublicFields() {
		var response = this.api.get("/v1/regions?per_page=100");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		var body = response.json();
		assertThat(names(body)).containsExactlyInAnyOrder("type", "current_page", "per_page", "next_page",
				"next_page_url", "prev_page", "prev_page_url", "data");
		assertThat(body.get("type").asString()).isEqualTo("list");
		var usEast = body.get("data").get(0);
		assertThat(names(usEast)).containsExactlyInAnyOrder("id", "provider", "enabled", "public_ip_addresses",
				"display_name", "location", "slug");
		assertThat(usEast.get("id").asString()).matches(ID);
		assertThat(usEast.get("slug").asString()).isEqualTo("us-east");
		assertThat(usEast.get("provider").asString()).isEqualTo("AWS");
		assertThat(usEast.get("display_name").asString()).isEqualTo("AWS us-east-1");
		assertThat(usEast.get("location").asString()).isEqualTo("N. Virginia");
		assertThat(usEast.get("enabled").asBoolean()).isTrue();
		assertThat(usEast.get("public_ip_addresses").isArray()).isTrue();
		assertThat(slugs(body)).containsSubsequence(SHIPPED_REGIONS);
	}

	@Test
	void whenPublicRegionsArePagedThenTheLinksAreAbsolute() {
		var body = this.api.get("/v1/regions?per_page=2&page=2").json();

		assertThat(slugs(body)).containsExactly("eu-west", "eu-central");
		assertThat(body.get("next_page_url").asString())
			.isEqualTo("http://127.0.0.1:" + this.port + "/v1/regions?page=3&per_page=2");
		assertThat(body.get("prev_page_url").asString())
			.isEqualTo("http://127.0.0.1:" + this.port + "/v1/regions?page=1&per_page=2");
	}

	@Test
	void whenListingAnOrganizationsRegionsThenItsDefaultIsMarkedAndEnginesAreShown() {
		var response = this.api.get("/v1/organizations/" + this.organization + "/regions?per_page=100");

		assertThat(response.status()).isEqualTo(200);
		var body = response.json();
		assertThat(slugs(body)).containsSubsequence(SHIPPED_REGIONS);
		for (var region : body.get("data")) {
			assertThat(region.get("current_default").asBoolean())
				.isEqualTo("eu-west".equals(region.get("slug").asString()));
		}
		var seoul = find(body, "gcp-asia-northeast3");
		DatabaseApiIntegrationTests.assertRegion(seoul, "gcp-asia-northeast3", false);
		assertThat(seoul.get("provider").asString()).isEqualTo("GCP");
		assertThat(seoul.get("mysql_supported").asBoolean()).isTrue();
		assertThat(seoul.get("postgresql_supported").asBoolean()).isFalse();
	}

	@Test
	void whenListingClusterSizesThenABareArrayOfMysqlSizesWithoutRatesComesBack() {
		var response = this.api.get("/v1/organizations/" + this.organization + "/cluster-size-skus");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		var body = response.json();
		assertThat(body.isArray()).isTrue();
		assertThat(sizeNames(body)).containsExactlyElementsOf(MYSQL_SIZES);
		var ps10 = body.get(1);
		assertThat(names(ps10)).containsExactlyInAnyOrder("name", "type", "display_name", "cpu",
				"provider_instance_type", "storage", "ram", "metal", "enabled", "provider", "default_vtgate",
				"default_vtgate_rate", "replica_rate", "rate", "sort_order", "architecture", "development",
				"production");
		assertThat(ps10.get("name").asString()).isEqualTo("PS_10");
		assertThat(ps10.get("type").asString()).isEqualTo("ClusterSizeSku");
		assertThat(ps10.get("display_name").asString()).isEqualTo("PS-10");
		assertThat(ps10.get("cpu").asString()).isEqualTo("1/8");
		assertThat(ps10.get("ram").isIntegralNumber()).isTrue();
		assertThat(ps10.get("ram").asLong()).isEqualTo(1073741824L);
		assertThat(ps10.get("storage").asLong()).isEqualTo(10737418240L);
		assertThat(ps10.get("sort_order").isIntegralNumber()).isTrue();
		assertThat(ps10.get("metal").asBoolean()).isFalse();
		assertThat(ps10.get("enabled").asBoolean()).isTrue();
		assertThat(ps10.get("development").asBoolean()).isFalse();
		assertThat(ps10.get("production").asBoolean()).isTrue();
		assertThat(ps10.get("default_vtgate").asString()).isEqualTo("VTG_5");
		for (var nullable : new String[] { "provider", "provider_instance_type", "architecture", "rate", "replica_rate",
				"default_vtgate_rate" }) {
			assertThat(ps10.get(nullable).isNull()).as(nullable).isTrue();
		}
		assertThat(body.get(0).get("development").asBoolean()).isTrue();
	}

	@Test
	void whenRatesAreAskedForThenTheyAreIntegersOrNull() {
		var body = this.api.get("/v1/organizations/" + this.organization + "/cluster-size-skus?rates=true").json();

		assertThat(body.get(0).get("name").asString()).isEqualTo("PS_DEV");
		assertThat(body.get(0).get("rate").isNull()).isTrue();
		for (int i = 1; i < body.size(); i++) {
			assertThat(body.get(i).get("rate").isIntegralNumber()).isTrue();
			assertThat(body.get(i).get("replica_rate").isIntegralNumber()).isTrue();
		}
		assertThat(body.get(1).get("rate").asInt()).isEqualTo(39);
		assertThat(body.get(1).get("replica_rate").asInt()).isEqualTo(13);
	}

	@Test
	void whenPostgresqlSizesAreAskedForEitherWayThenTheSameAwsSizesComeBack() {
		var path = "/v1/organizations/" + this.organization + "/cluster-size-skus";

		var byEngine = this.api.get(path + "?engine=postgresql&rates=true").json();
		var byFlag = this.api.get(path + "?postgresql=true&rates=true").json();

		assertThat(byFlag).isEqualTo(byEngine);
		assertThat(sizeNames(byEngine)).hasSize(20).allMatch((name) -> name.matches("^PS_\\d+_AWS_(X86|ARM)$"));
		var arm = byEngine.get(3);
		assertThat(arm.get("name").asString()).isEqualTo("PS_10_AWS_ARM");
		assertThat(arm.get("display_name").asString()).isEqualTo("PS-10-AWS-ARM");
		assertThat(arm.get("provider").asString()).isEqualTo("aws");
		assertThat(arm.get("architecture").asString()).isEqualTo("arm64");
		assertThat(arm.get("rate").asInt()).isEqualTo(34);
		assertThat(arm.get("replica_rate").isNull()).isTrue();
		assertThat(arm.get("default_vtgate").isNull()).isTrue();
		assertThat(arm.get("storage").isNull()).isTrue();
	}

	@Test
	void whenARegionIsNamedThenPostgresqlSizesAreThoseOfItsProvider() {
		var path = "/v1/organizations/" + this.organization + "/cluster-size-skus?engine=postgresql&region=";

		assertThat(sizeNames(this.api.get(path + "gcp-us-central1").json())).hasSize(20)
			.allMatch((name) -> name.contains("_GCP_"));
		assertThat(this.api.get(path + "gcp-asia-northeast3").json()).isEmpty();
	}

	@Test
	void whenTheEngineOrRegionIsUnknownThenClusterSizesAre422() {
		var path = "/v1/organizations/" + this.organization + "/cluster-size-skus";

		var engine = this.api.get(path + "?engine=oracle");
		var region = this.api.get(path + "?region=mars");
		var contradiction = this.api.get(path + "?engine=mysql&postgresql=true");

		assertThat(engine.status()).isEqualTo(422);
		assertThat(engine.json().get("message").asString()).isEqualTo("engine must be mysql or postgresql");
		assertThat(region.status()).isEqualTo(422);
		assertThat(region.json().get("message").asString()).isEqualTo("region mars does not exist");
		assertThat(contradiction.status()).isEqualTo(422);
		assertThat(contradiction.json().get("message").asString())
			.isEqualTo("engine=mysql contradicts postgresql=true");
	}

	@Test
	void whenTheOrganizationIsUnknownThenRegionsAndSizesAre404() {
		var unknown = "/v1/organizations/" + PlanetScaleFixtures.uniqueName("nobody");

		for (var response : new Api.Response[] { this.api.get(unknown + "/regions"),
				this.api.get(unknown + "/cluster-size-skus") }) {
			assertThat(response.status()).isEqualTo(404);
			assertThat(response.json().toString()).isEqualTo("{\"code\":\"not_found\",\"message\":\"Not Found\"}");
		}
	}

	private static List<String> slugs(JsonNode page) {
		var slugs = new ArrayList<String>();
		page.get("data").forEach((region) -> slugs.add(region.get("slug").asString()));
		return slugs;
	}

	private static List<String> sizeNames(JsonNode sizes) {
		var names = new ArrayList<String>();
		sizes.forEach((size) -> names.add(size.get("name").asString()));
		return names;
	}

	private static JsonNode find(JsonNode page, String slug) {
		for (var region : page.get("data")) {
			if (region.get("slug").asString().equals(slug)) {
				return region;
			}
		}
		throw new AssertionError("No region " + slug);
	}

}
