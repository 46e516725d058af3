package dev.dbplane.planetscale;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * PlanetScale's {@code DatabaseBranchPassword}. {@code plain_text} is the secret in the
 * answer to its create, null in every other; no password has been used to connect yet.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record PasswordResponse(String id, String type, String name, String role, List<String> cidrs, String createdAt,
		String deletedAt, String expiresAt, String lastUsedAt, boolean expired, boolean directVtgate,
		List<String> directVtgateAddresses, Integer ttlSeconds, String accessHostUrl, String accessHostRegionalUrl,
		List<String> accessHostRegionalUrls, ActorResponse actor, RegionResponse region, String username,
		String plainText, boolean replica, boolean renewable, PasswordBranch databaseBranch) {

	static PasswordResponse from(BranchPassword password, Branch branch, RegionResponse region, String plainText,
			Instant now, String host) {
		return new PasswordResponse(password.getId(), "Password", password.getName(), password.getRole(),
				password.getCidrs(), Timestamps.format(password.getCreatedAt()), null,
				Timestamps.format(password.getExpiresAt()), null, password.expiredAt(now), password.isDirectVtgate(),
				List.of(), password.getTtlSeconds(), host, host, List.of(host), ActorResponse.of(password.getActorId()),
				region, password.getUsername(), plainText, password.isReplica(), password.isRenewable(),
				new PasswordBranch(branch.getName(), branch.getId(), branch.isProduction(), host, false));
	}

	/** The branch a password belongs to, as a password shows it. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@ApiDocsSnakeCase
	record PasswordBranch(String name, String id, boolean production, String mysqlEdgeAddress,
			boolean privateEdgeConnectivity) {
	}

}
