package dev.dbplane.planetscale;

import java.time.Instant;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * PlanetScale's {@code Database}. A dbplane database has branches but no data import,
 * shards, schema recommendations or issues; those fields say so.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record DatabaseResponse(String id, String type, String url, String branchesUrl, int branchesCount,
		int openSchemaRecommendationsCount, int developmentBranchesCount, int productionBranchesCount,
		Integer issuesCount, boolean multipleAdminsRequiredForDeletion, boolean ready,
		boolean atBackupRestoreBranchesLimit, boolean atDevelopmentBranchUsageLimit, Object dataImport,
		RegionResponse region, String htmlUrl, String name, String notes, String state, boolean sharded,
		int defaultBranchShardCount, int defaultBranchReadOnlyRegionsCount, int defaultBranchTableCount,
		String defaultBranch, boolean requireApprovalForDeploy, boolean deletionProtected, boolean resizing,
		boolean resizeQueued, boolean configChanging, boolean configChangeQueued, boolean allowDataBranching,
		boolean foreignKeysEnabled, Boolean automaticMigrations, boolean restrictBranchRegion,
		boolean insightsRawQueries, String plan, boolean insightsEnabled, boolean productionBranchWebConsole,
		String migrationTableName, String migrationFramework, String createdAt, String updatedAt,
		String schemaLastUpdatedAt, String kind) {

	/**
	 * @param database the stored database
	 * @param regionEnabled whether its region is currently enabled
	 * @param now the time its state is read at
	 * @param baseUrl the public base URL, without a trailing slash
	 */
	static DatabaseResponse from(Database database, boolean regionEnabled, Instant now, String baseUrl) {
		var organization = database.getOrganizationName();
		var url = baseUrl + "/v1/organizations/" + organization + "/databases/" + database.getName();
		var state = database.stateAt(now);
		return new DatabaseResponse(database.getId(), "Database", url, url + "/branches", database.getBranchesCount(),
				0, database.getBranchesCount() - database.getProductionBranchesCount(),
				database.getProductionBranchesCount(), 0, false, state == DatabaseState.READY, false, false, null,
				RegionResponse.from(database.getRegion(), regionEnabled, true),
				baseUrl + "/" + organization + "/" + database.getName(), database.getName(), "", state.wire(), false, 1,
				0, 0, database.getDefaultBranch(), database.isRequireApprovalForDeploy(),
				database.isDeletionProtected(), false, false, false, false, database.isAllowDataBranching(),
				database.isForeignKeysEnabled(), database.getAutomaticMigrations(), database.isRestrictBranchRegion(),
				database.isInsightsRawQueries(), database.getPlan(), true, database.isProductionBranchWebConsole(),
				database.getMigrationTableName(), database.getMigrationFramework(),
				Timestamps.format(database.getCreatedAt()), Timestamps.format(database.updatedAtAsOf(now)), null,
				database.getKind().wire());
	}

}
