package dev.dbplane.planetscale;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code PATCH .../databases/{database}}: every field optional, an absent one
 * leaves the setting as it is. {@code cluster_size} is read only to refuse changing it
 * here.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record DatabaseUpdateRequest(String newName, Boolean automaticMigrations, String migrationFramework,
		String migrationTableName, Boolean requireApprovalForDeploy, Boolean restrictBranchRegion,
		Boolean allowDataBranching, Boolean allowForeignKeyConstraints, Boolean insightsRawQueries,
		Boolean deletionProtected, Boolean productionBranchWebConsole, String defaultBranch, String clusterSize) {

	private static final int MAX_SETTING_LENGTH = 64;

	/** Records what is wrong with the request for a database of {@code clusterSize}. */
	void check(String currentClusterSize, List<String> problems) {
		if (this.newName != null && !Names.valid(this.newName)) {
			problems.add("new_name " + Names.RULE);
		}
		if (this.defaultBranch != null && !Names.valid(this.defaultBranch)) {
			problems.add("default_branch " + Names.RULE);
		}
		if (this.migrationFramework != null && this.migrationFramework.length() > MAX_SETTING_LENGTH) {
			problems.add("migration_framework must be at most " + MAX_SETTING_LENGTH + " characters");
		}
		if (this.migrationTableName != null && this.migrationTableName.length() > MAX_SETTING_LENGTH) {
			problems.add("migration_table_name must be at most " + MAX_SETTING_LENGTH + " characters");
		}
		if (this.clusterSize != null && !Catalogue.clusterSizeName(this.clusterSize).equals(currentClusterSize)) {
			problems.add("cluster_size cannot be changed by updating the database");
		}
	}

	Database.Settings settings() {
		return new Database.Settings(this.newName, this.automaticMigrations, this.migrationFramework,
				this.migrationTableName, this.requireApprovalForDeploy, this.restrictBranchRegion,
				this.allowDataBranching, this.allowForeignKeyConstraints, this.insightsRawQueries,
				this.deletionProtected, this.productionBranchWebConsole, this.defaultBranch);
	}

}
