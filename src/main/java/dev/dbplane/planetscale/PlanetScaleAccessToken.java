package dev.dbplane.planetscale;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A PlanetScale Bearer access token, a row of {@code planetscale_access_token}: only a
 * hash of it is kept. No endpoint issues one; configuration declares them, through the
 * insert-if-absent of {@link PlanetScaleServiceTokenRepositoryCustom}, so this mapping is
 * only read.
 */
@Entity
@Table(name = "planetscale_access_token")
class PlanetScaleAccessToken {

	@Id
	private String id;

	private String organizationId;

	private String name;

	private String secretHash;

	private Instant createdAt;

	private Instant revokedAt;

	/** For Hibernate. */
	protected PlanetScaleAccessToken() {
	}

}
