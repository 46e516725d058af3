package dev.dbplane.planetscale;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One parameter of a PostgreSQL branch, as {@code .../parameters} lists it: the
 * catalogue's entry with the branch's value (what a change request set, else the
 * default). Its id is the same for the same branch and parameter on every read.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record BranchParameterResponse(String id, String name, String displayName, String namespace, String category,
		@Schema(description = "What the branch parameter does") String description, boolean extension,
		boolean immutable, String parameterType, String defaultValue,
		@Schema(description = "The branch's value of the parameter: what a change request set, else the default") String value,
		boolean required, String createdAt, String updatedAt, boolean restart, Object max, Object min, String url,
		List<String> options, ActorResponse actor) {

	static BranchParameterResponse from(BranchParameter parameter, String branchId,
			Map<String, Map<String, String>> values, Instant createdAt, Instant updatedAt, String url,
			ActorResponse actor) {
		var set = (values != null) ? values.getOrDefault(parameter.namespace(), Map.of()).get(parameter.name()) : null;
		var changed = Timestamps.format((set != null) ? updatedAt : createdAt);
		return new BranchParameterResponse(id(branchId, parameter), parameter.name(), parameter.displayName(),
				parameter.namespace(), parameter.category(), parameter.description(), parameter.extension(),
				parameter.immutable(), parameter.type(), parameter.defaultValue(),
				(set != null) ? set : parameter.defaultValue(), false, Timestamps.format(createdAt), changed,
				parameter.restart(), parameter.max(), parameter.min(), url, parameter.options(), actor);
	}

	/** Derived from the branch and the parameter's name. */
	private static String id(String branchId, BranchParameter parameter) {
		return PublicIds.derived(branchId + "/" + parameter.namespace() + "." + parameter.name());
	}

}
