package dev.dbplane.planetscale;

import java.time.Instant;
import java.util.Map;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * PlanetScale's {@code DatabaseBranch}, one shape for both kinds, with what Terraform's
 * PostgreSQL overlay ({@code replicas}, {@code parameters}) and pscale's PostgreSQL view
 * ({@code cluster_display_name}, {@code cluster_architecture}) read besides. A dbplane
 * branch is unsharded, has one keyspace and no backups to be restored from.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record BranchResponse(String id, String type, String name, String createdAt, String updatedAt, String deletedAt,
		String restoreChecklistCompletedAt, String schemaLastUpdatedAt, String kind, String mysqlAddress,
		String mysqlEdgeAddress, String state, boolean directVtgate, String vtgateSize, String vtgateName,
		int vtgateCount, boolean vtgateAutoscaling, Integer vtgateMaxCount, Integer vtgateTargetCpuUtilization,
		String clusterName, String clusterDisplayName, String clusterArchitecture, Integer clusterIops, boolean ready,
		boolean schemaReady, boolean metal, boolean production, boolean safeMigrations, boolean deletionProtected,
		boolean sharded, int shardCount, int keyspaceCount, boolean staleSchema, ActorResponse actor,
		Object restoredFromBranch, boolean privateEdgeConnectivity, boolean hasReplicas, boolean hasReadOnlyReplicas,
		String htmlUrl, String url, RegionResponse region, String parentBranch, Map<String, Object> vtgateOptions,
		int replicas, Map<String, Map<String, String>> parameters) {

	/**
	 * @param branch the stored branch
	 * @param database its database
	 * @param region the branch's region, and whether it is enabled
	 * @param size its cluster size, as the catalogue has it (null if no longer there)
	 * @param now the time its state is read at
	 * @param baseUrl the public base URL, without a trailing slash
	 * @param accessHost where clients connect to the branch's database
	 */
	static BranchResponse from(Branch branch, Database database, RegionResponse region, ClusterSize size, Instant now,
			String baseUrl, String accessHost) {
		var path = "/organizations/" + database.getOrganizationName() + "/databases/" + database.getName()
				+ "/branches/" + branch.getName();
		var state = branch.stateAt(now);
		var host = accessHost;
		var replicas = (branch.getReplicas() != null) ? branch.getReplicas() : 0;
		return new BranchResponse(branch.getId(), "Branch", branch.getName(), Timestamps.format(branch.getCreatedAt()),
				Timestamps.format(branch.updatedAtAsOf(now)), null, null, null, database.getKind().wire(), host, host,
				state.wire(), false, branch.getVtgateSize(),
				branch.getVtgateSize().isEmpty() ? null : branch.getVtgateSize().replace('_', '-'),
				branch.getVtgateCount(), branch.isVtgateAutoscaling(), branch.getVtgateMaxCount(),
				branch.getVtgateTargetCpuUtilization(), branch.getClusterName(),
				(size != null) ? size.getDisplayName() : branch.getClusterName(),
				(size != null) ? size.getArchitecture() : null, null, state == DatabaseState.READY,
				state == DatabaseState.READY, false, branch.isProduction(), branch.isSafeMigrations(),
				branch.isDeletionProtected(), false, 1, 1, false, ActorResponse.of(branch.getActorId()), null, false,
				replicas > 0, false,
				baseUrl + "/" + database.getOrganizationName() + "/" + database.getName() + "/" + branch.getName(),
				baseUrl + "/v1" + path, region, branch.getParentBranch(), Map.of(), replicas, branch.getParameters());
	}

}
