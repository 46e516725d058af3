package dev.dbplane.planetscale;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A PostgreSQL role, as PlanetScale's role endpoints answer: {@code password} is the
 * secret in the answer to a create or reset, null in every other. Roles are ready at once
 * and never dropped: dbplane keeps them as records until the data plane creates them.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record RoleResponse(String id, String type, String name, String accessHostUrl, String privateAccessHostUrl,
		String privateConnectionServiceName, String username, String baseUsername, String password, String databaseName,
		String createdAt, String updatedAt, String deletedAt, String expiresAt, String droppedAt, String disabledAt,
		String dropFailed, boolean ready, boolean expired, @JsonProperty("default") boolean isDefault, int ttl,
		List<String> inheritedRoles, boolean withReplication, RoleBranch branch, ActorResponse actor,
		QuerySafetySettings querySafetySettings) {

	static RoleResponse from(BranchRole role, Branch branch, String organizationId, String password, Instant now,
			String host) {
		var actor = ActorResponse.orOrganization(role.getActorId(), organizationId);
		return new RoleResponse(role.getId(), "Role", role.getName(), host, host, "", role.getUsername(),
				role.getBaseUsername(), password, "postgres", Timestamps.format(role.getCreatedAt()),
				Timestamps.format(role.getUpdatedAt()), null, Timestamps.format(role.getExpiresAt()), null, null, "",
				true, role.expiredAt(now), role.isDefaultRole(),
				(role.getTtlSeconds() != null) ? role.getTtlSeconds() : 0, role.getInheritedRoles(),
				role.isWithReplication(),
				new RoleBranch(branch.getId(), branch.getName(), Timestamps.format(branch.getCreatedAt()),
						Timestamps.format(branch.updatedAtAsOf(now)), null),
				actor, new QuerySafetySettings(role.getRequireWhereOnDelete(), role.getRequireWhereOnUpdate()));
	}

	/** The branch a role belongs to, as a role shows it. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@ApiDocsSnakeCase
	record RoleBranch(String id, String name, String createdAt, String updatedAt, String deletedAt) {
	}

	/**
	 * Whether statements without WHERE are refused ({@code on}), warned of, or let
	 * through ({@code off}).
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@ApiDocsSnakeCase
	record QuerySafetySettings(String requireWhereOnDelete, String requireWhereOnUpdate) {
	}

	/** The answer to {@code POST .../roles/reset-default}. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@ApiDocsSnakeCase
	record Reset(String username, String password, String accessHostUrl) {
	}

}
