package dev.dbplane.planetscale;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.dbplane.security.Secrets;
import dev.dbplane.web.ApiException;

/**
 * A role of a PostgreSQL branch: a login with the predefined roles it inherits. Its
 * password is shown once, when it is created or reset; only its SCRAM-SHA-256 verifier is
 * stored. Each branch has one default role, {@code postgres}, made when first asked for.
 */
@Entity
@Table(name = "planetscale_branch_role")
class BranchRole {

	static final String DEFAULT_NAME = "postgres";

	@Id
	private String id;

	private String branchId;

	private String name;

	private String username;

	private String passwordVerifier;

	@Convert(converter = JsonText.Strings.class)
	private List<String> inheritedRoles;

	private boolean withReplication;

	private String requireWhereOnDelete;

	private String requireWhereOnUpdate;

	@Column(name = "is_default")
	private boolean defaultRole;

	private Integer ttlSeconds;

	private Instant expiresAt;

	private String actorId;

	private Instant createdAt;

	private Instant updatedAt;

	/**
	 * Null until stored: Spring Data persists, rather than merges, a role without one.
	 */
	@Version
	private Long version;

	protected BranchRole() {
	}

	private BranchRole(String branchId, String name, String baseUsername, boolean defaultRole, String secret,
			List<String> inheritedRoles, boolean withReplication, String requireWhereOnDelete,
			String requireWhereOnUpdate, Integer ttlSeconds, String actorId, Instant now) {
		this.id = PublicIds.next();
		this.branchId = branchId;
		this.name = name;
		this.username = baseUsername + "." + branchId;
		this.defaultRole = defaultRole;
		this.passwordVerifier = Credentials.scramSha256Verifier(secret);
		this.inheritedRoles = inheritedRoles;
		this.withReplication = withReplication;
		this.requireWhereOnDelete = requireWhereOnDelete;
		this.requireWhereOnUpdate = requireWhereOnUpdate;
		this.ttlSeconds = ttlSeconds;
		this.expiresAt = (ttlSeconds != null) ? now.plusSeconds(ttlSeconds) : null;
		this.actorId = actorId;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** A new role and its password, which nothing stores. */
	static Issued issue(String branchId, String name, List<String> inheritedRoles, boolean withReplication,
			String requireWhereOnDelete, String requireWhereOnUpdate, Integer ttlSeconds, String actorId, Instant now) {
		var secret = Credentials.newSecret();
		return new Issued(new BranchRole(branchId, name, "pscale_api_" + Secrets.randomLowerBase36(10), false, secret,
				inheritedRoles, withReplication, requireWhereOnDelete, requireWhereOnUpdate, ttlSeconds, actorId, now),
				secret);
	}

	/** A branch's default role, {@code postgres}, with every predefined role. */
	static Issued issueDefault(String branchId, Instant now) {
		var secret = Credentials.newSecret();
		return new Issued(new BranchRole(branchId, DEFAULT_NAME, DEFAULT_NAME, true, secret, List.of("postgres"), false,
				"off", "off", null, null, now), secret);
	}

	boolean expiredAt(Instant now) {
		return this.expiresAt != null && !now.isBefore(this.expiresAt);
	}

	/** A new password, shown once; the old one stops working. */
	String resetPassword(Instant now) {
		var secret = Credentials.newSecret();
		this.passwordVerifier = Credentials.scramSha256Verifier(secret);
		this.updatedAt = now;
		return secret;
	}

	/** Only a role with a TTL can be renewed: by its TTL again, from now. */
	void renew(Instant now) {
		if (this.ttlSeconds == null) {
			throw ApiException.invalid("Role " + this.name + " has no ttl, so it cannot be renewed");
		}
		this.expiresAt = now.plusSeconds(this.ttlSeconds);
		this.updatedAt = now;
	}

	/** Applies a PATCH: a non-null value replaces the stored one. */
	void update(String name, String requireWhereOnDelete, String requireWhereOnUpdate, Instant now) {
		if (name != null) {
			this.name = name;
		}
		if (requireWhereOnDelete != null) {
			this.requireWhereOnDelete = requireWhereOnDelete;
		}
		if (requireWhereOnUpdate != null) {
			this.requireWhereOnUpdate = requireWhereOnUpdate;
		}
		this.updatedAt = now;
	}

	/** Whether it can only read: it inherits nothing that writes or administers. */
	boolean isReadOnly() {
		return RoleCreateRequest.READ_ONLY.containsAll(this.inheritedRoles);
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

	String getUsername() {
		return this.username;
	}

	String getBaseUsername() {
		return this.username.substring(0, this.username.lastIndexOf('.'));
	}

	String getPasswordVerifier() {
		return this.passwordVerifier;
	}

	List<String> getInheritedRoles() {
		return this.inheritedRoles;
	}

	boolean isWithReplication() {
		return this.withReplication;
	}

	String getRequireWhereOnDelete() {
		return this.requireWhereOnDelete;
	}

	String getRequireWhereOnUpdate() {
		return this.requireWhereOnUpdate;
	}

	boolean isDefaultRole() {
		return this.defaultRole;
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

	Instant getUpdatedAt() {
		return this.updatedAt;
	}

	/** A role just created or reset, with the password shown this once. */
	record Issued(BranchRole role, String secret) {
	}

}
