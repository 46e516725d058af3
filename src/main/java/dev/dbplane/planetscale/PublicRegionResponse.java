package dev.dbplane.planetscale;

import java.util.List;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A region as {@code GET /v1/regions} lists it to anyone. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record PublicRegionResponse(String id, String provider, boolean enabled, List<String> publicIpAddresses,
		String displayName, String location, String slug) {

	static PublicRegionResponse from(Region region, boolean enabled) {
		return new PublicRegionResponse(region.getId(), region.getProvider(), enabled, region.getPublicIpAddresses(),
				region.getDisplayName(), region.getLocation(), region.getSlug());
	}

}
