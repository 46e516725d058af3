package dev.dbplane.planetscale;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One access of a service token, with the organization or database it applies to. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record ServiceTokenAccessResponse(String id, String type, String access, String description, String resourceName,
		String resourceId, String resourceType, Resource resource) {

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@ApiDocsSnakeCase
	record Resource(String id, String name, String createdAt, String updatedAt, String deletedAt) {
	}

}
