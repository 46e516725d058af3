package dev.dbplane.planetscale;

import dev.dbplane.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * With {@code dbplane.demo-data=true}: an example organization {@code demo} with a
 * documented service token and three databases, for people trying dbplane out.
 * Idempotent.
 */
@Component
class PlanetScaleDemoData implements ApplicationRunner {

	static final String TOKEN_ID = "demotoken001";

	static final String TOKEN = "pscale_tkn_demo-secret-not-for-production";

	private static final Logger log = LoggerFactory.getLogger(PlanetScaleDemoData.class);

	private final Organizations organizations;

	private final PlanetScaleCredentials credentials;

	private final DatabaseService databases;

	private final boolean enabled;

	// Read when dbplane starts, not as a bean condition: conditions of an ahead-of-time
	// processed build are fixed when it is built (README: fast start-up).
	PlanetScaleDemoData(Organizations organizations, PlanetScaleCredentials credentials, DatabaseService databases,
			@Value("${dbplane.demo-data:false}") boolean enabled) {
		this.enabled = enabled;
		this.organizations = organizations;
		this.credentials = credentials;
		this.databases = databases;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.enabled) {
			return;
		}
		this.organizations.ensure(
				new PlanetScaleProperties.OrganizationConfig("demo", "us-east", "scaler_pro", null, null, null, null));
		var organizationId = this.organizations.idOf("demo").orElseThrow();
		this.credentials.declareServiceToken(organizationId, TOKEN_ID, TOKEN);
		// The seeding acts as the organization's administrator, as a Bearer token would.
		var administrator = PlanetScalePrincipal.administrator(organizationId, "demo");
		database(administrator, "orders", "{\"name\": \"orders\", \"cluster_size\": \"PS_10\"}");
		database(administrator, "analytics",
				"{\"name\": \"analytics\", \"cluster_size\": \"PS_20\", \"region\": \"eu-west\"}");
		database(administrator, "ledger",
				"{\"name\": \"ledger\", \"kind\": \"postgresql\", \"cluster_size\": \"PS_10_AWS_X86\"}");
		log.info("Demo data ready: PlanetScale organization 'demo' (its service token is in README)");
	}

	private void database(PlanetScalePrincipal administrator, String name, String json) {
		try {
			var request = tools.jackson.databind.json.JsonMapper.builder()
				.build()
				.readValue(json, DatabaseCreateRequest.class);
			this.databases.create(administrator, "demo", request);
		}
		catch (ApiException ex) {
			// already there from an earlier start
		}
	}

}
