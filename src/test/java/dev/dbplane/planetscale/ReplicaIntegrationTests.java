package dev.dbplane.planetscale;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.dbplane.Api;
import dev.dbplane.DbplaneApplication;
import dev.dbplane.IntegrationTest;
import dev.dbplane.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.dbplane.planetscale.PlanetScaleFixtures.databases;
import static dev.dbplane.planetscale.PlanetScaleFixtures.mysql;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * More copies of dbplane on the test's database, as replicas or a restart would be: what
 * one wrote, the others read the same way, and readiness comes from the stored row.
 * <ul>
 * <li>{@code now}: a fresh start with this run's configuration changes (no provisioning
 * delay, one more organization, the catalogue changed, a public base URL);</li>
 * <li>{@code later}: the same configuration on a clock two hours ahead, as if it were
 * read after the shared test context's one-hour provisioning delay.</li>
 * </ul>
 */
class ReplicaIntegrationTests extends IntegrationTest {

	static final String ORGANIZATION = PlanetScaleFixtures.uniqueName("replicated");

	static final String LOCAL_REGION = "dbplane-test-local";

	static final String LOCAL_SIZE = "PS_1_LOCAL_X86";

	/** Service tokens declared by the replicas' configuration, one per organization. */
	static final String TOKEN_ID = PlanetScaleFixtures.uniqueName("t").substring(2, 14);

	static final String TOKEN = "pscale_tkn_" + PlanetScaleFixtures.uniqueName("replica").replace("-", "_");

	static final String DBPLANE_TOKEN_ID = PlanetScaleFixtures.uniqueName("d").substring(2, 14);

	private static ConfigurableApplicationContext now;

	private static ConfigurableApplicationContext later;

	@Autowired
	private Organizations organizations;

	@Autowired
	private JdbcTemplate jdbc;

	/**
	 * One after the other: Boot's logging set-up is process-wide and not safe to run from
	 * two threads at once. The race between replicas creating one organization is pinned
	 * by OrganizationApiIntegrationTests with concurrent upserts.
	 */
	@BeforeAll
	static void startTwoReplicas() {
		now = start(Duration.ZERO);
		later = start(Duration.ofHours(2));
	}

	@AfterAll
	static void stopReplicas() {
		for (var context : new ConfigurableApplicationContext[] { now, later }) {
			if (context != null) {
				context.close();
			}
		}
	}

	private static ConfigurableApplicationContext start(Duration clockAhead) {
		var db = TestDatabase.connection();
		var properties = new ArrayList<>(List.of("spring.datasource.url=" + db.url(),
				"spring.datasource.username=" + db.username(), "spring.datasource.password=" + db.password(),
				"server.port=0", "dbplane.public-base-url=https://dbplane.example.test/",
				"dbplane.planetscale.provisioning-delay=0s",
				"dbplane.planetscale.organizations[0].name=" + ORGANIZATION,
				"dbplane.planetscale.organizations[0].default-region=eu-central",
				"dbplane.planetscale.organizations[0].plan=hobby",
				"dbplane.planetscale.organizations[0].service-token-id=" + TOKEN_ID,
				"dbplane.planetscale.organizations[0].service-token=" + TOKEN,
				"dbplane.planetscale.organizations[1].name=dbplane",
				"dbplane.planetscale.organizations[1].service-token-id=" + DBPLANE_TOKEN_ID,
				"dbplane.planetscale.organizations[1].service-token=" + TOKEN,
				"dbplane.planetscale.catalogue.disabled-regions=ap-south",
				"dbplane.planetscale.catalogue.disabled-cluster-sizes=PS-20",
				"dbplane.planetscale.catalogue.regions[0].slug=" + LOCAL_REGION,
				"dbplane.planetscale.catalogue.regions[0].provider=LOCAL",
				"dbplane.planetscale.catalogue.regions[0].display-name=Local test region",
				"dbplane.planetscale.catalogue.regions[0].location=Loopback",
				"dbplane.planetscale.catalogue.regions[0].mysql=false",
				"dbplane.planetscale.catalogue.regions[0].public-ip-addresses=127.0.0.1",
				"dbplane.planetscale.catalogue.cluster-sizes[0].name=" + LOCAL_SIZE,
				"dbplane.planetscale.catalogue.cluster-sizes[0].engine=postgresql",
				"dbplane.planetscale.catalogue.cluster-sizes[0].cpu=1",
				"dbplane.planetscale.catalogue.cluster-sizes[0].ram=2GB",
				"dbplane.planetscale.catalogue.cluster-sizes[0].provider=local",
				"dbplane.planetscale.catalogue.cluster-sizes[0].architecture=x86_64",
				"dbplane.planetscale.catalogue.cluster-sizes[0].rate=7"));
		// As command-line arguments, so they win over application.properties like a
		// replica's own settings would.
		var arguments = properties.stream().map((property) -> "--" + property).toArray(String[]::new);
		return new SpringApplicationBuilder(DbplaneApplication.class).initializers((context) -> {
			if (!clockAhead.isZero()) {
				((GenericApplicationContext) context).registerBean("clockAhead", Clock.class,
						() -> Clock.offset(Clock.systemUTC(), clockAhead), (bean) -> bean.setPrimary(true));
			}
		}).run(arguments);
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	/** A replica's client with the token declared for {@link #ORGANIZATION}. */
	private static Api api(ConfigurableApplicationContext context) {
		return new Api(port(context)).withHeader("Authorization", TOKEN_ID + ":" + TOKEN);
	}

	/** A replica's client with the token declared for the default organization. */
	private static Api dbplaneApi(ConfigurableApplicationContext context) {
		return new Api(port(context)).withHeader("Authorization", DBPLANE_TOKEN_ID + ":" + TOKEN);
	}

	@Test
	void whenTwoReplicasStartTogetherThenTheConfiguredOrganizationExistsOnce() {
		var fromNow = api(now).get("/v1/organizations/" + ORGANIZATION);
		var fromLater = api(later).get("/v1/organizations/" + ORGANIZATION);

		assertThat(fromNow.status()).isEqualTo(200);
		assertThat(fromNow.json().get("plan").asString()).isEqualTo("hobby");
		assertThat(fromLater.json().get("id")).isEqualTo(fromNow.json().get("id"));
		assertThat(this.jdbc.queryForObject("select count(*) from planetscale_organization where name = ?", Long.class,
				ORGANIZATION))
			.isEqualTo(1);
		assertThat(api(now).get("/v1/organizations/" + ORGANIZATION + "/regions").json().get("data"))
			.filteredOn((region) -> region.get("current_default").asBoolean())
			.singleElement()
			.satisfies((region) -> assertThat(region.get("slug").asString()).isEqualTo("eu-central"));
	}

	@Test
	void whenADatabaseIsPendingThenAReplicaReadingItAfterTheDelaySeesItReady() {
		var organization = PlanetScaleFixtures.organization(this.organizations);
		var path = databases(organization) + "/slow";
		var client = planetscaleApi(organization);
		var created = client.post(databases(organization), mysql("slow")).json();
		assertThat(created.get("state").asString()).isEqualTo("pending");
		PlanetScaleFixtures.awaitProvisioned(this.jdbc, created.get("id").asString());

		var restarted = client.onPort(port(now)).get(path).json();
		var afterDelay = client.onPort(port(later)).get(path).json();
		var listedAfterDelay = client.onPort(port(later)).get(databases(organization)).json().get("data").get(0);

		assertThat(restarted.get("state").asString()).isEqualTo("pending");
		assertThat(restarted.get("ready").asBoolean()).isFalse();
		assertThat(afterDelay.get("state").asString()).isEqualTo("ready");
		assertThat(afterDelay.get("ready").asBoolean()).isTrue();
		assertThat(Instant.parse(afterDelay.get("updated_at").asString()))
			.isEqualTo(Instant.parse(created.get("created_at").asString()).plus(Duration.ofHours(1)));
		assertThat(listedAfterDelay.get("state").asString()).isEqualTo("ready");
		assertThat(listedAfterDelay.get("ready").asBoolean()).isTrue();
		assertThat(client.get(path).json().get("state").asString()).isEqualTo("pending");
	}

	@Test
	void whenAPatchWritesAReadinessThatCameDueThenEveryReplicaSeesItReady() {
		var organization = PlanetScaleFixtures.organization(this.organizations);
		var path = databases(organization) + "/settled";
		var client = planetscaleApi(organization);
		var created = client.post(databases(organization), mysql("settled")).json();
		// Readiness needs the branch's real database as well as the delay.
		PlanetScaleFixtures.awaitProvisioned(this.jdbc, created.get("id").asString());

		var patched = client.onPort(port(later)).patch(path, "{\"require_approval_for_deploy\": true}").json();

		assertThat(patched.get("state").asString()).isEqualTo("ready");
		assertThat(Instant.parse(patched.get("updated_at").asString()))
			.isAfter(Instant.parse(created.get("created_at").asString()).plus(Duration.ofHours(1)));
		var fromNow = client.get(path).json();
		assertThat(fromNow.get("state").asString()).isEqualTo("ready");
		assertThat(fromNow.get("ready").asBoolean()).isTrue();
	}

	@Test
	void whenTheProvisioningDelayIsZeroThenANewDatabaseIsReadyAtOnce() {
		var response = api(now).post(databases(ORGANIZATION), mysql(PlanetScaleFixtures.uniqueName("instant")));

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("state").asString()).isEqualTo("ready");
		assertThat(response.json().get("ready").asBoolean()).isTrue();
		assertThat(response.json().get("updated_at").asString())
			.isEqualTo(response.json().get("created_at").asString());
	}

	@Test
	void whenAPublicBaseUrlIsConfiguredThenEveryAbsoluteUrlUsesIt() {
		var name = PlanetScaleFixtures.uniqueName("urls");
		var body = api(now).post(databases(ORGANIZATION), mysql(name)).json();
		var page = api(now).get("/v1/regions?per_page=1").json();

		assertThat(body.get("url").asString())
			.isEqualTo("https://dbplane.example.test/v1/organizations/" + ORGANIZATION + "/databases/" + name);
		assertThat(body.get("html_url").asString())
			.isEqualTo("https://dbplane.example.test/" + ORGANIZATION + "/" + name);
		assertThat(page.get("next_page_url").asString())
			.isEqualTo("https://dbplane.example.test/v1/regions?page=2&per_page=1");
	}

	@Test
	void whenTheCatalogueIsConfiguredThenDisabledEntriesAreListedButRefused() {
		var api = dbplaneApi(now);
		var apSouth = findRegion(api.get("/v1/regions?per_page=100").json(), "ap-south");
		var ps20 = api.get("/v1/organizations/dbplane/cluster-size-skus").json().get(2);

		assertThat(apSouth.get("enabled").asBoolean()).isFalse();
		assertThat(ps20.get("name").asString()).isEqualTo("PS_20");
		assertThat(ps20.get("enabled").asBoolean()).isFalse();
		assertThat(api.post(databases("dbplane"), """
				{"name": "refused", "cluster_size": "PS_10", "region": "ap-south"}
				""").json().get("message").asString()).isEqualTo("region ap-south is not enabled");
		assertThat(api.post(databases("dbplane"), """
				{"name": "refused", "cluster_size": "PS-20"}
				""").json().get("message").asString()).isEqualTo("cluster_size PS_20 is not enabled");
		assertThat(findRegion(api().get("/v1/regions?per_page=100").json(), "ap-south").get("enabled").asBoolean())
			.as("disabling is this replica's configuration, not a change to the shared catalogue")
			.isTrue();
	}

	@Test
	void whenTheCatalogueAddsARegionAndASizeThenDatabasesCanUseThem() {
		var api = api(now);
		var region = findRegion(api.get("/v1/organizations/" + ORGANIZATION + "/regions?per_page=100").json(),
				LOCAL_REGION);
		var sizes = api
			.get("/v1/organizations/" + ORGANIZATION + "/cluster-size-skus?engine=postgresql&rates=true&region="
					+ LOCAL_REGION)
			.json();
		var created = api.post(databases(ORGANIZATION), """
				{"name": "%s", "cluster_size": "%s", "kind": "postgresql", "region": "%s"}
				""".formatted(PlanetScaleFixtures.uniqueName("local"), LOCAL_SIZE, LOCAL_REGION));

		assertThat(region.get("provider").asString()).isEqualTo("LOCAL");
		assertThat(region.get("display_name").asString()).isEqualTo("Local test region");
		assertThat(region.get("location").asString()).isEqualTo("Loopback");
		assertThat(region.get("public_ip_addresses").toString()).isEqualTo("[\"127.0.0.1\"]");
		assertThat(region.get("mysql_supported").asBoolean()).isFalse();
		assertThat(region.get("postgresql_supported").asBoolean()).isTrue();
		assertThat(sizes).hasSize(1);
		assertThat(sizes.get(0).get("name").asString()).isEqualTo(LOCAL_SIZE);
		assertThat(sizes.get(0).get("display_name").asString()).isEqualTo("PS-1-LOCAL-X86");
		assertThat(sizes.get(0).get("ram").asLong()).isEqualTo(2L * 1024 * 1024 * 1024);
		assertThat(sizes.get(0).get("rate").asInt()).isEqualTo(7);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("region").get("slug").asString()).isEqualTo(LOCAL_REGION);
	}

	private static JsonNode findRegion(JsonNode page, String slug) {
		for (var region : page.get("data")) {
			if (region.get("slug").asString().equals(slug)) {
				return region;
			}
		}
		throw new AssertionError("No region " + slug);
	}

}
