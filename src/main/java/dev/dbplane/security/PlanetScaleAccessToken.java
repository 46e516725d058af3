package dev.dbplane.security;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * A PlanetScale Bearer access token, a row of {@code planetscale_access_token}: only a
 * hash of it is kept.
 */
@Entity
@Table(name = "planetscale_access_token")
class PlanetScaleAccessToken implements Persistable<String> {

	@Id
	private String id;

	private String organizationId;

	private String name;

	private String secretHash;

	private Instant createdAt;

	private Instant revokedAt;

	@Transient
	private boolean stored;

	/** For Hibernate. */
	protected PlanetScaleAccessToken() {
		this.stored = true;
	}

	PlanetScaleAccessToken(String id, String organizationId, String name, String secretHash, Instant createdAt) {
		this.id = id;
		this.organizationId = organizationId;
		this.name = name;
		this.secretHash = secretHash;
		this.createdAt = createdAt;
	}

	@Override
	public String getId() {
		return this.id;
	}

	@Override
	public boolean isNew() {
		return !this.stored;
	}

	@PostLoad
	@PostPersist
	void markStored() {
		this.stored = true;
	}

}
