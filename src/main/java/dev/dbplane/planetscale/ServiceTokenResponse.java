package dev.dbplane.planetscale;

import java.util.List;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * PlanetScale's ServiceToken. {@code token} carries the secret in the answer to create
 * only; every other answer has it {@code null}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record ServiceTokenResponse(String id, String type, String name, String displayName, String token,
		String plainTextRefreshToken, String avatarUrl, String createdAt, String updatedAt, String expiresAt,
		String lastUsedAt, String actorId, String actorDisplayName, String actorType,
		List<ServiceTokenAccessResponse> serviceTokenAccesses, Object oauthAccessesByResource) {

	static ServiceTokenResponse from(PlanetScaleCredentials.ServiceToken token, String secret,
			List<ServiceTokenAccessResponse> accesses) {
		return new ServiceTokenResponse(token.id(), "ServiceToken", token.name(),
				(token.name() != null) ? token.name() : token.id(), secret, null, "",
				Timestamps.format(token.createdAt()), Timestamps.format(token.updatedAt()),
				Timestamps.format(token.expiresAt()), null, null, null, null, accesses, null);
	}

}
