package dev.dbplane.planetscale;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

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

	/**
	 * Makes a database and its branches ready now, as the provisioning delay would, once
	 * the data plane has made their real databases and default logins.
	 */
	static void ready(JdbcTemplate jdbc, String databaseId) {
		awaitProvisioned(jdbc, databaseId);
		jdbc.update("update planetscale_database set ready_at = now() - interval '1 second' where id = ?", databaseId);
		jdbc.update("update planetscale_branch set ready_at = now() - interval '1 second' where database_id = ?",
				databaseId);
	}

	/** Waits until the data plane has made the database's branches' real databases. */
	static void awaitProvisioned(JdbcTemplate jdbc, String databaseId) {
		var deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (jdbc.queryForObject(
				"select count(*) from planetscale_branch where database_id = ? and provisioning is not null",
				Long.class, databaseId) > 0) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("The branches of database " + databaseId + " were not provisioned in 60 s");
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
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
