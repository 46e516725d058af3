package dev.dbplane.harness;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.dbplane.persistence.RandomIds;
import dev.dbplane.persistence.StringMapJson;
import dev.dbplane.web.ApiException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A database instance of a schema, a row of {@code harness_instance}. Its revision is one
 * of a branch, a commit or a tag: setting one clears the other two. Under a
 * {@code Repository} schema it must have one. {@code version} is the optimistic lock
 * Hibernate checks on every update.
 */
@Entity
@Table(name = "harness_instance")
class DbInstance {

	@Id
	private UUID id;

	private UUID schemaId;

	private String identifier;

	private String name;

	@Convert(converter = StringMapJson.class)
	@Column(columnDefinition = "jsonb")
	@ColumnTransformer(write = "?::jsonb")
	private Map<String, String> tags;

	private String connector;

	private String branch;

	private String commitSha;

	private String gitTag;

	private String context;

	@Convert(converter = StringMapJson.class)
	@Column(columnDefinition = "jsonb")
	@ColumnTransformer(write = "?::jsonb")
	private Map<String, String> substituteProperties;

	private String changelogVersion;

	private String lastAppliedTag;

	private String lastDeployedChangeSetTag;

	private boolean toOnboard;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private Long version;

	/** For Hibernate. */
	protected DbInstance() {
	}

	/** An instance as stored. */
	DbInstance(UUID id, UUID schemaId, String identifier, String name, Map<String, String> tags, String connector,
			String branch, String commitSha, String gitTag, String context, Map<String, String> substituteProperties,
			String changelogVersion, String lastAppliedTag, String lastDeployedChangeSetTag, boolean toOnboard,
			Instant createdAt, Instant updatedAt, Long version) {
		this.id = id;
		this.schemaId = schemaId;
		this.identifier = identifier;
		this.name = name;
		this.tags = tags;
		this.connector = connector;
		this.branch = branch;
		this.commitSha = commitSha;
		this.gitTag = gitTag;
		this.context = context;
		this.substituteProperties = substituteProperties;
		this.changelogVersion = changelogVersion;
		this.lastAppliedTag = lastAppliedTag;
		this.lastDeployedChangeSetTag = lastDeployedChangeSetTag;
		this.toOnboard = toOnboard;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	/**
	 * A new instance, not yet in a schema: {@link DbInstanceRepository#insert} places it
	 * in one, checking the revision rule against the schema's type in the same statement.
	 */
	DbInstance(String identifier, String name, Map<String, String> tags, String connector, Revision revision,
			String context, Map<String, String> substituteProperties, Instant now) {
		this.id = RandomIds.uuid();
		this.identifier = identifier;
		this.name = name;
		this.tags = (tags != null) ? Map.copyOf(tags) : Map.of();
		this.connector = connector;
		this.context = context;
		this.substituteProperties = (substituteProperties != null) ? Map.copyOf(substituteProperties) : Map.of();
		this.lastAppliedTag = null;
		this.lastDeployedChangeSetTag = "";
		this.toOnboard = true;
		this.createdAt = now;
		this.updatedAt = now;
		this.version = null;
		applyRevision(revision);
	}

	/** Records the schema the instance was stored in; once, right after the insert. */
	void storedIn(UUID schemaId) {
		if (this.schemaId != null) {
			throw new IllegalStateException("Instance " + this.id + " is already in schema " + this.schemaId);
		}
		this.schemaId = schemaId;
	}

	/**
	 * Applies a PUT: every non-null argument replaces the stored value, every null keeps
	 * it.
	 */
	void update(SchemaType schemaType, String name, Map<String, String> tags, String connector, Revision revision,
			String context, String changelogVersion, Map<String, String> substituteProperties, Instant now) {
		if (name != null) {
			this.name = name;
		}
		if (tags != null) {
			this.tags = Map.copyOf(tags);
		}
		if (connector != null) {
			this.connector = connector;
		}
		if (context != null) {
			this.context = context;
		}
		if (changelogVersion != null) {
			this.changelogVersion = changelogVersion;
		}
		if (substituteProperties != null) {
			this.substituteProperties = Map.copyOf(substituteProperties);
		}
		applyRevision(revision);
		this.updatedAt = now;
		requireRevisionUnder(schemaType);
	}

	private void applyRevision(Revision revision) {
		if (revision.isGiven()) {
			this.branch = revision.branch();
			this.commitSha = revision.commitSha();
			this.gitTag = revision.gitTag();
		}
	}

	/** Whether the instance names a branch, a commit or a tag. */
	boolean hasRevision() {
		return !isBlank(this.branch) || !isBlank(this.commitSha) || !isBlank(this.gitTag);
	}

	/** Refuses an instance without a revision under a schema of a type that needs one. */
	void requireRevisionUnder(SchemaType schemaType) {
		if (schemaType.needsRevision() && !hasRevision()) {
			throw ApiException.invalid(
					"branch: one of branch, commitSha or gitTag is required for an instance of a Repository schema");
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	UUID getId() {
		return this.id;
	}

	UUID getSchemaId() {
		return this.schemaId;
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

	String getConnector() {
		return this.connector;
	}

	String getBranch() {
		return this.branch;
	}

	String getCommitSha() {
		return this.commitSha;
	}

	String getGitTag() {
		return this.gitTag;
	}

	String getContext() {
		return this.context;
	}

	Map<String, String> getSubstituteProperties() {
		return this.substituteProperties;
	}

	String getChangelogVersion() {
		return this.changelogVersion;
	}

	String getLastAppliedTag() {
		return this.lastAppliedTag;
	}

	String getLastDeployedChangeSetTag() {
		return this.lastDeployedChangeSetTag;
	}

	boolean isToOnboard() {
		return this.toOnboard;
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

}
