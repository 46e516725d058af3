package dev.dbplane.planetscale;

import java.util.List;
import java.util.Optional;

/** What {@link DatabaseRepositoryImpl} does in SQL, and says why. */
interface DatabaseRepositoryCustom {

	/**
	 * The database named, or else with the id, {@code nameOrId} of the organization with
	 * that id and name: empty unless both match (Terraform addresses databases by id).
	 * Not managed by JPA: for reading only.
	 */
	Optional<Database> find(String organizationId, String organizationName, String nameOrId);

	long count(Filter filter);

	/** A page of the filtered databases, by name. */
	List<Database> page(Filter filter, PageQuery query);

	/**
	 * Stores a new database, in one statement that commits on its own (it refuses to run
	 * inside a transaction), and gives the creating service token every database-level
	 * access on it (one row, whose access is {@value PlanetScaleAccesses#EVERY}). The
	 * organization's row gives the database its organization id and plan and, when it has
	 * no region, the default region.
	 * @param organizationId the id of the organization the database names
	 * @param defaultRegionIds for a database without a region, the organization default
	 * regions it may be placed in; null to take any
	 * @param creatorTokenId the service token to give the access, or null for none
	 * @return false when nothing was stored: no organization has that name and id, the
	 * name is taken in it, or its default region is not in the list
	 */
	boolean insert(Database database, String organizationId, List<String> defaultRegionIds, String creatorTokenId);

	/**
	 * Which databases of an organization a list shows.
	 *
	 * @param organizationId the organization
	 * @param accessibleTo only the databases this service token holds an access on one by
	 * one; null for all
	 * @param namePattern a {@code LIKE} pattern (escape {@code \}) the lower-cased name
	 * matches; null for any name
	 */
	record Filter(String organizationId, String accessibleTo, String namePattern) {
	}

}
