package dev.dbplane.security;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * A Harness API key, a row of {@code harness_api_key}. The secret is never stored, only
 * its hash; revoking keeps the row so that a list shows when it happened. Its id is
 * chosen when it is issued, so it says itself whether it is new ({@link Persistable}): a
 * save inserts without reading first.
 */
@Entity
@Table(name = "harness_api_key")
class HarnessApiKey implements Persistable<String> {

	@Id
	private String id;

	private String accountId;

	private String type;

	private String name;

	private String secretHash;

	@Convert(converter = PermissionsColumn.class)
	private Set<HarnessPermission> permissions;

	private Instant createdAt;

	private Instant revokedAt;

	@Transient
	private boolean stored;

	/** For Hibernate. */
	protected HarnessApiKey() {
		this.stored = true;
	}

	/** A new key, not revoked. */
	HarnessApiKey(String id, String accountId, String type, String name, String secretHash,
			Set<HarnessPermission> permissions, Instant createdAt) {
		this.id = id;
		this.accountId = accountId;
		this.type = type;
		this.name = name;
		this.secretHash = secretHash;
		this.permissions = EnumSet.copyOf(permissions);
		this.createdAt = createdAt;
	}

	/**
	 * Gives the key a new secret and permissions and takes back a revocation: what a key
	 * declared in configuration gets at every start.
	 */
	void reset(String secretHash, Set<HarnessPermission> permissions) {
		this.secretHash = secretHash;
		this.permissions = EnumSet.copyOf(permissions);
		this.revokedAt = null;
	}

	boolean isRevoked() {
		return this.revokedAt != null;
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

	String id() {
		return this.id;
	}

	String accountId() {
		return this.accountId;
	}

	String type() {
		return this.type;
	}

	String name() {
		return this.name;
	}

	String secretHash() {
		return this.secretHash;
	}

	Set<HarnessPermission> permissions() {
		return this.permissions;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant revokedAt() {
		return this.revokedAt;
	}

	/** The stored form of permissions: names sorted and separated by spaces. */
	static final class PermissionsColumn implements AttributeConverter<Set<HarnessPermission>, String> {

		@Override
		public String convertToDatabaseColumn(Set<HarnessPermission> permissions) {
			return permissions.stream().map(Enum::name).sorted().collect(Collectors.joining(" "));
		}

		@Override
		public Set<HarnessPermission> convertToEntityAttribute(String column) {
			var set = EnumSet.noneOf(HarnessPermission.class);
			Arrays.stream(column.split(" "))
				.filter((p) -> !p.isEmpty())
				.forEach((p) -> set.add(HarnessPermission.valueOf(p)));
			return set;
		}

	}

}
