package dev.dbplane.planetscale;

import java.util.UUID;

/** Organizations and request bodies for the PlanetScale tests. */
final class PlanetScaleFixtures {

	static final String TIMESTAMP = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$";

	static final String ID = "^[0-9a-z]{12}$";

	private PlanetScaleFixtures() {
	}

	/** A name no other test and no earlier run on the same database has used. */
	static String uniqueName(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	/**
	 * A new organization of its own, created the way start-up creates configured ones, so
	 * a test can count and page its databases.
	 */
	static String organization(Organizations organizations, String defaultRegion) {
		var name = uniqueName("org");
		organizations.ensure(new PlanetScaleProperties.OrganizationConfig(name, defaultRegion, "scaler_pro", null, null,
				null, null));
		return name;
	}

	static String organization(Organizations organizations) {
		return organization(organizations, "us-east");
	}

	static String databases(String organization) {
		return "/v1/organizations/" + organization + "/databases";
	}

	static String mysql(String name) {
		return """
				{"name": "%s", "cluster_size": "PS_10"}
				""".formatted(name);
	}

}
