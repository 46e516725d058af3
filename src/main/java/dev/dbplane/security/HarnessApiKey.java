package dev.dbplane.security;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A Harness API key. The secret is never stored, only its hash; revoking keeps the row so
 * that a list shows when it happened.
 */
@Entity
@Table(name = "harness_api_key")
class HarnessApiKey {

	@Id
	private String id;

	private String accountId;

	private String type;

	private String name;

	private String secretHash;

	private String permissions;

	private Instant createdAt;

	private Instant revokedAt;

	protected HarnessApiKey() {
	}

	HarnessApiKey(String id, String accountId, String type, String name, String secret,
			Set<HarnessPermission> permissions) {
		this.id = id;
		this.accountId = accountId;
		this.type = type;
		this.name = name;
		this.secretHash = Secrets.hash(secret);
		this.permissions = permissions.stream().map(Enum::name).sorted().collect(Collectors.joining(" "));
		this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	void revoke() {
		if (this.revokedAt == null) {
			this.revokedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		}
	}

	/**
	 * Replaces the secret, for a bootstrap key whose value is declared in the
	 * environment.
	 */
	void resetSecret(String secret, Set<HarnessPermission> permissions) {
		this.secretHash = Secrets.hash(secret);
		this.permissions = permissions.stream().map(Enum::name).sorted().collect(Collectors.joining(" "));
		this.revokedAt = null;
	}

	String getId() {
		return this.id;
	}

	String getAccountId() {
		return this.accountId;
	}

	String getType() {
		return this.type;
	}

	String getName() {
		return this.name;
	}

	String getSecretHash() {
		return this.secretHash;
	}

	Set<HarnessPermission> getPermissions() {
		var set = EnumSet.noneOf(HarnessPermission.class);
		Arrays.stream(this.permissions.split(" "))
			.filter((p) -> !p.isEmpty())
			.forEach((p) -> set.add(HarnessPermission.valueOf(p)));
		return set;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getRevokedAt() {
		return this.revokedAt;
	}

	boolean isRevoked() {
		return this.revokedAt != null;
	}

}
