package dev.dbplane.planetscale;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Who created a branch or credential: the service token, of which dbplane knows the id;
 * none for a Bearer token's.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record ActorResponse(String id, String type, String displayName, String avatarUrl) {

	static ActorResponse of(String tokenId) {
		return (tokenId != null) ? new ActorResponse(tokenId, "ServiceToken", "Service token " + tokenId, "") : null;
	}

}
