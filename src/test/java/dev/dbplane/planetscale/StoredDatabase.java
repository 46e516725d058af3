package dev.dbplane.planetscale;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A committed organization and MySQL database of their own, with the database's default
 * branch, for the slice tests of branches and their credentials; created the way the API
 * creates them (the database's insert commits on its own) and removed with what hangs off
 * them.
 */
record StoredDatabase(String organizationId, String id, String defaultBranchId) {

	static StoredDatabase create(OrganizationRepository organizations, DatabaseRepository databases,
			BranchRepository branches) {
		var now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		var name = PlanetScaleFixtures.uniqueName("org");
		organizations.ensure(
				new PlanetScaleProperties.OrganizationConfig(name, "us-east", "scaler_pro", null, null, null, null),
				now);
		var organization = organizations.findByName(name).orElseThrow();
		var database = new Database(name, "db", Engine.MYSQL, null, "PS_10", null, null, null, null, now,
				Duration.ofHours(1));
		if (!databases.insert(database, organization.getId(), null, null)) {
			throw new IllegalStateException("The database of " + name + " was not stored");
		}
		var main = branches.findByDatabaseIdAndName(database.getId(), database.getDefaultBranch()).orElseThrow();
		return new StoredDatabase(organization.getId(), database.getId(), main.getId());
	}

	/** Removes the database, its branches and their credentials, and the organization. */
	void delete(JdbcClient jdbc) {
		jdbc.sql("delete from planetscale_database where id = ?").param(this.id).update();
		jdbc.sql("delete from planetscale_organization where id = ?").param(this.organizationId).update();
	}

}
