package dev.dbplane.planetscale;

import java.time.Instant;

/** What {@link OrganizationRepositoryImpl} does in SQL. */
interface OrganizationRepositoryCustom {

	/**
	 * Creates the organization when it is missing, or brings its settings in line with
	 * {@code config}; the row changes only when a setting differs.
	 * @return false when the default region is not in the catalogue
	 */
	boolean ensure(PlanetScaleProperties.OrganizationConfig config, Instant now);

}
