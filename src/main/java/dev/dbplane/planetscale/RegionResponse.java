package dev.dbplane.planetscale;

import java.util.List;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * PlanetScale's {@code Region} as organizations and databases see it: with the engines it
 * supports and whether it is their default.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record RegionResponse(String id, String type, String provider, boolean enabled, List<String> publicIpAddresses,
		String displayName, String location, String slug, boolean currentDefault, boolean mysqlSupported,
		boolean postgresqlSupported) {

	static RegionResponse from(Region region, boolean enabled, boolean currentDefault) {
		return new RegionResponse(region.getId(), "Region", region.getProvider(), enabled,
				region.getPublicIpAddresses(), region.getDisplayName(), region.getLocation(), region.getSlug(),
				currentDefault, region.isMysqlSupported(), region.isPostgresqlSupported());
	}

}
