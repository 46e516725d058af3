package dev.dbplane.harness;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import dev.dbplane.persistence.RandomIds;
import dev.dbplane.persistence.StringMapJson;
import dev.dbplane.web.ApiException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Formula;

/**
 * A database schema of one project, a row of {@code harness_schema}. Its identifier and
 * migration type never change; the rest follows PUT's merge rule (an absent value keeps
 * what is stored). {@code version} is the optimistic lock Hibernate checks on every
 * update; it is {@code null} until the schema is first stored.
 */
@Entity
@Table(name = "harness_schema")
class DbSchema {

	@Id
	private UUID id;

	private String accountId;

	private String org;

	private String project;

	private String identifier;

	private String name;

	@Convert(converter = StringMapJson.class)
	@Column(columnDefinition = "jsonb")
	@ColumnTransformer(write = "?::jsonb")
	private Map<String, String> tags;

	private String service;

	@Enumerated(EnumType.STRING)
	private SchemaType type;

	@Enumerated(EnumType.STRING)
	private MigrationType migrationType;

	private boolean usePercona;

	private String primaryDbInstanceId;

	@Embedded
	private SchemaChangelog changelog;

	@Embedded
	private SchemaScript changeLogScript;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private Long version;

	/** Counted whenever the schema is read, in the statement that reads it. */
	@Formula("(select count(*) from harness_instance i where i.schema_id = id)")
	private long instanceCount;

	/** For Hibernate. */
	protected DbSchema() {
	}

	private DbSchema(UUID id, String accountId, String org, String project, String identifier, String name,
			Map<String, String> tags, SchemaType type, MigrationType migrationType, SchemaChangelog changelog,
			SchemaScript changeLogScript, String service, boolean usePercona, String primaryDbInstanceId,
			Instant createdAt, Instant updatedAt, Long version) {
		this.id = id;
		this.accountId = accountId;
		this.org = org;
		this.project = project;
		this.identifier = identifier;
		this.name = name;
		this.tags = tags;
		this.type = type;
		this.migrationType = migrationType;
		this.changelog = changelog;
		this.changeLogScript = changeLogScript;
		this.service = service;
		this.usePercona = usePercona;
		this.primaryDbInstanceId = primaryDbInstanceId;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	DbSchema(String accountId, String org, String project, String identifier, String name, Map<String, String> tags,
			SchemaType type, MigrationType migrationType, SchemaChangelog changelog, SchemaScript changeLogScript,
			String service, boolean usePercona, String primaryDbInstanceId, Instant now) {
		this(RandomIds.uuid(), accountId, org, project, identifier, name, (tags != null) ? Map.copyOf(tags) : Map.of(),
				type, migrationType, changelog, changeLogScript, service, usePercona, primaryDbInstanceId, now, now,
				null);
		requireSource();
	}

	/**
	 * Applies a PUT: every non-null argument replaces the stored value, every null keeps
	 * it.
	 */
	void update(String name, Map<String, String> tags, SchemaType type, SchemaChangelog changelog,
			SchemaScript changeLogScript, String service, Boolean usePercona, String primaryDbInstanceId, Instant now) {
		if (name != null) {
			this.name = name;
		}
		if (tags != null) {
			this.tags = Map.copyOf(tags);
		}
		if (type != null) {
			this.type = type;
		}
		if (changelog != null) {
			this.changelog = changelog;
		}
		if (changeLogScript != null) {
			this.changeLogScript = changeLogScript;
		}
		if (service != null) {
			this.service = service;
		}
		if (usePercona != null) {
			this.usePercona = usePercona;
		}
		if (primaryDbInstanceId != null) {
			this.primaryDbInstanceId = primaryDbInstanceId;
		}
		this.updatedAt = now;
		requireSource();
	}

	private void requireSource() {
		if (this.type == SchemaType.Repository && this.changelog == null) {
			throw ApiException.invalid("changelog: is required for a schema of type Repository");
		}
		if (this.type == SchemaType.Script && this.changeLogScript == null) {
			throw ApiException.invalid("changeLogScript: is required for a schema of type Script");
		}
	}

	String sourceType() {
		return (this.type == SchemaType.Script) ? "Custom" : this.changelog.sourceType();
	}

	/**
	 * Harness's {@code parentId}: a stable 22-character id of the account, org and
	 * project the schema lives in.
	 */
	String parentId() {
		try {
			var digest = MessageDigest.getInstance("SHA-256")
				.digest((this.accountId + "/" + this.org + "/" + this.project).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	UUID getId() {
		return this.id;
	}

	String getAccountId() {
		return this.accountId;
	}

	String getOrg() {
		return this.org;
	}

	String getProject() {
		return this.project;
	}

	String getIdentifier() {
		return this.identifier;
	}

	String getName() {
		return this.name;
	}

	Map<String, String> getTags() {
		return this.tags;
	}

	String getService() {
		return this.service;
	}

	SchemaType getType() {
		return this.type;
	}

	MigrationType getMigrationType() {
		return this.migrationType;
	}

	boolean isUsePercona() {
		return this.usePercona;
	}

	String getPrimaryDbInstanceId() {
		return this.primaryDbInstanceId;
	}

	SchemaChangelog getChangelog() {
		return this.changelog;
	}

	SchemaScript getChangeLogScript() {
		return this.changeLogScript;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getUpdatedAt() {
		return this.updatedAt;
	}

	/** The version this object was read at, {@code null} before it is stored. */
	Long getVersion() {
		return this.version;
	}

	/** How many instances the schema had when it was read; 0 for a new one. */
	long getInstanceCount() {
		return this.instanceCount;
	}

}
