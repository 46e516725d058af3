package dev.dbplane.planetscale;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A service token's accesses on one resource (the organization or one database), as
 * {@code pscale service-token show-access} and planetscale-go's {@code ListGrants} read
 * them. The grant's id is the resource's.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record ServiceTokenGrantResponse(String id, String type, String resourceName, String resourceType, String resourceId,
		List<Access> accesses) {

	/** The accesses grouped by the resource they apply to, in the order they come. */
	static List<ServiceTokenGrantResponse> of(List<ServiceTokenAccessResponse> accesses) {
		var byResource = new LinkedHashMap<String, ServiceTokenGrantResponse>();
		for (var access : accesses) {
			byResource
				.computeIfAbsent(access.resourceType() + "/" + access.resourceId(),
						(key) -> new ServiceTokenGrantResponse(access.resourceId(), "ServiceTokenGrant",
								access.resourceName(), access.resourceType(), access.resourceId(), new ArrayList<>()))
				.accesses()
				.add(new Access(access.access(), access.description()));
		}
		return List.copyOf(byResource.values());
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@ApiDocsSnakeCase
	record Access(String access, String description) {
	}

}
