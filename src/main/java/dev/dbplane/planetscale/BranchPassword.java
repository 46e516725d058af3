package dev.dbplane.planetscale;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.dbplane.security.Secrets;
import dev.dbplane.web.ApiException;

/**
 * A password of a MySQL branch. Its secret is shown once, when it is created; only its
 * mysql_native_password hash is stored. One with a TTL expires and can be renewed.
 */
@Entity
@Table(name = "planetscale_branch_password")
class BranchPassword {

	@Id
	private String id;

	private String branchId;

	private String name;

	private String role;

	private String username;

	private String secretHash;

	@Convert(converter = JsonText.Strings.class)
	private List<String> cidrs;

	private boolean replica;

	private boolean directVtgate;

	private Integer ttlSeconds;

	private Instant expiresAt;

	private String actorId;

	private Instant createdAt;

	private Instant updatedAt;

	/**
	 * Null until stored: Spring Data persists, rather than merges, a password without
	 * one.
	 */
	@Version
	private Long version;

	protected BranchPassword() {
	}

	private BranchPassword(String branchId, String name, String role, String secret, List<String> cidrs,
			boolean replica, boolean directVtgate, Integer ttlSeconds, String actorId, Instant now) {
		this.id = PublicIds.next();
		this.branchId = branchId;
		this.name = name;
		this.role = role;
		this.username = Secrets.randomLowerBase36(20);
		this.secretHash = Credentials.mysqlNativeHash(secret);
		this.cidrs = cidrs;
		this.replica = replica;
		this.directVtgate = directVtgate;
		this.ttlSeconds = ttlSeconds;
		this.expiresAt = (ttlSeconds != null) ? now.plusSeconds(ttlSeconds) : null;
		this.actorId = actorId;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** A new password and its secret, which nothing stores. */
	static Issued issue(String branchId, String name, String role, List<String> cidrs, boolean replica,
			boolean directVtgate, Integer ttlSeconds, String actorId, Instant now) {
		var secret = Credentials.newSecret();
		return new Issued(new BranchPassword(branchId, name, role, secret, cidrs, replica, directVtgate, ttlSeconds,
				actorId, now), secret);
	}

	boolean expiredAt(Instant now) {
		return this.expiresAt != null && !now.isBefore(this.expiresAt);
	}

	/** Only a password with a TTL can be renewed: by its TTL again, from now. */
	boolean isRenewable() {
		return this.ttlSeconds != null;
	}

	void renew(Instant now) {
		if (!isRenewable()) {
			throw ApiException.invalid("Password " + this.name + " has no ttl, so it cannot be renewed");
		}
		this.expiresAt = now.plusSeconds(this.ttlSeconds);
		this.updatedAt = now;
	}

	/** Applies a PATCH: a non-null value replaces the stored one. */
	void update(String name, List<String> cidrs, Instant now) {
		if (name != null) {
			this.name = name;
		}
		if (cidrs != null) {
			this.cidrs = cidrs.isEmpty() ? null : cidrs;
		}
		this.updatedAt = now;
	}

	boolean isReadOnly() {
		return "reader".equals(this.role);
	}

	String getId() {
		return this.id;
	}

	String getBranchId() {
		return this.branchId;
	}

	String getName() {
		return this.name;
	}

	String getRole() {
		return this.role;
	}

	String getUsername() {
		return this.username;
	}

	String getSecretHash() {
		return this.secretHash;
	}

	List<String> getCidrs() {
		return this.cidrs;
	}

	boolean isReplica() {
		return this.replica;
	}

	boolean isDirectVtgate() {
		return this.directVtgate;
	}

	Integer getTtlSeconds() {
		return this.ttlSeconds;
	}

	Instant getExpiresAt() {
		return this.expiresAt;
	}

	String getActorId() {
		return this.actorId;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	/** A password just created, with the secret shown this once. */
	record Issued(BranchPassword password, String secret) {
	}

}
