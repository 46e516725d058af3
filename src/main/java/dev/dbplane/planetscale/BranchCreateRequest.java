package dev.dbplane.planetscale;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST .../branches}. PlanetScale's Go client names a PostgreSQL
 * branch's size {@code cluster_name} where the document says {@code cluster_size}: both
 * are read. Terraform's Vitess branch sends {@code safe_migrations} too.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record BranchCreateRequest(String name, Boolean deletionProtected, String parentBranch, String backupId, String region,
		String restorePoint, String seedData, String clusterSize, String clusterName, List<String> keyspaceClusterSizes,
		DatabaseCreateRequest.Storage storage, String majorVersion, Boolean createDatabaseIfMissing, String kind,
		Boolean safeMigrations) {

	/** The size asked for, under either name; null when none. */
	String size() {
		if (this.clusterSize != null && !this.clusterSize.isBlank()) {
			return this.clusterSize;
		}
		return (this.clusterName != null && !this.clusterName.isBlank()) ? this.clusterName : null;
	}

	boolean createsDatabase() {
		return Boolean.TRUE.equals(this.createDatabaseIfMissing);
	}

	/** Records what is wrong with the request on its own. */
	void check(List<String> problems) {
		if (this.name == null || this.name.isBlank()) {
			problems.add("Name can't be blank");
		}
		else if (!Names.valid(this.name)) {
			problems.add("Name " + Names.RULE);
		}
		if (this.kind != null && Engine.of(this.kind) == null) {
			problems.add("kind must be mysql or postgresql");
		}
		if (createsDatabase() && this.kind == null) {
			problems.add("kind is required when create_database_if_missing is set");
		}
		if (this.backupId != null && !this.backupId.isBlank()) {
			problems.add("backup_id " + this.backupId + " does not exist");
		}
		if (this.seedData != null && !this.seedData.isBlank()) {
			problems.add("seed_data needs a successful backup, and this database has none");
		}
		if (this.restorePoint != null && !this.restorePoint.isBlank()) {
			problems.add("restore_point is not available: this database has no point-in-time recovery");
		}
		if (this.keyspaceClusterSizes != null && !this.keyspaceClusterSizes.isEmpty()) {
			problems.add("keyspace_cluster_sizes is only for restoring a backup");
		}
	}

	/**
	 * Whether the parent is the default branch: {@code parent_branch} empty or absent.
	 */
	boolean fromDefaultBranch() {
		return this.parentBranch == null || this.parentBranch.isBlank();
	}

}
