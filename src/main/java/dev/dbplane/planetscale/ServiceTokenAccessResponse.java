package dev.dbplane.planetscale;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One access of a service token, with the organization or database it applies to. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record ServiceTokenAccessResponse(String id, String type, String access, String description, String resourceName,
		String resourceId, String resourceType, Resource resource) {

	ServiceTokenAccessResponse {
		// planetscale-go and pscale read the type inside the resource, not resource_type.
		if (resource != null && resource.type() == null) {
			resource = new Resource(resource.id(), resourceType, resource.name(), resource.createdAt(),
					resource.updatedAt(), resource.deletedAt());
		}
	}

	/**
	 * The organization or database; {@code type} is {@code Organization} or
	 * {@code Database}.
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@ApiDocsSnakeCase
	record Resource(String id, String type, String name, String createdAt, String updatedAt, String deletedAt) {

		/** A resource whose type the access it belongs to names. */
		Resource(String id, String name, String createdAt, String updatedAt, String deletedAt) {
			this(id, null, name, createdAt, updatedAt, deletedAt);
		}

	}

}
