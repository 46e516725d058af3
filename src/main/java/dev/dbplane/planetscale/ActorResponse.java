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

	/**
	 * The actor of something whose document requires one: the organization stands for a
	 * Bearer token's caller, which dbplane knows no user of.
	 */
	static ActorResponse orOrganization(String tokenId, String organizationId) {
		return (tokenId != null) ? of(tokenId)
				: new ActorResponse(organizationId, "Organization", "Organization " + organizationId, "");
	}

}
