package dev.dbplane.security;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A Harness account, a row of {@code account}: what every schema and API key belongs to.
 * Accounts are only ever created ({@link AccountRepositoryCustom#ensure}), never changed.
 */
@Entity
@Table(name = "account")
class Account {

	@Id
	private String id;

	@Column(insertable = false, updatable = false)
	private Instant createdAt;

	/** For Hibernate. */
	protected Account() {
	}

	String getId() {
		return this.id;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

}
