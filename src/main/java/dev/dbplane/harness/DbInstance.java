package dev.dbplane.harness;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import dev.dbplane.web.ApiException;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A database instance of a schema. Its revision is one of a branch, a commit or a tag:
 * setting one clears the other two.
 */
@Entity
@Table(name = "harness_instance")
class DbInstance {

	@Id
	private UUID id;

	private UUID schemaId;

	private String identifier;

	private String name;

	@JdbcTypeCode(SqlTypes.JSON)
	private Map<String, String> tags;

	private String connector;

	private String branch;

	private String commitSha;

	private String gitTag;

	private String context;

	@JdbcTypeCode(SqlTypes.JSON)
	private Map<String, String> substituteProperties;

	private String changelogVersion;

	private String lastAppliedTag;

	private String lastDeployedChangeSetTag;

	private boolean toOnboard;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private Long version;

	protected DbInstance() {
	}

	DbInstance(DbSchema schema, String identifier, String name, Map<String, String> tags, String connector,
			Revision revision, String context, Map<String, String> substituteProperties) {
		this.id = UUID.randomUUID();
		this.schemaId = schema.getId();
		this.identifier = identifier;
		this.name = name;
		this.tags = (tags != null) ? Map.copyOf(tags) : Map.of();
		this.connector = connector;
		this.context = context;
		this.substituteProperties = (substituteProperties != null) ? Map.copyOf(substituteProperties) : Map.of();
		this.lastDeployedChangeSetTag = "";
		this.toOnboard = true;
		this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		this.updatedAt = this.createdAt;
		applyRevision(revision);
		requireRevision(schema);
	}

	/**
	 * Applies a PUT: every non-null argument replaces the stored value, every null keeps
	 * it.
	 */
	void update(DbSchema schema, String name, Map<String, String> tags, String connector, Revision revision,
			String context, String changelogVersion, Map<String, String> substituteProperties) {
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
		this.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		requireRevision(schema);
	}

	private void applyRevision(Revision revision) {
		if (revision.isGiven()) {
			this.branch = revision.branch();
			this.commitSha = revision.commitSha();
			this.gitTag = revision.gitTag();
		}
	}

	private void requireRevision(DbSchema schema) {
		if (schema.needsRevision() && isBlank(this.branch) && isBlank(this.commitSha) && isBlank(this.gitTag)) {
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

}
