package dev.dbplane.planetscale;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The keyspace of a MySQL branch ({@code .../keyspaces}): a dbplane branch is unsharded
 * and has one keyspace, named as its database, with the branch's cluster, replicas and
 * readiness. Nothing resizes or replicates under it, so every in-progress flag is false.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record KeyspaceResponse(String id, String name, int shards, boolean sharded, int replicas, int extraReplicas,
		String createdAt, String updatedAt, String clusterName, String clusterDisplayName, boolean resizing,
		boolean resizeInProgress, boolean resizePending, boolean configChangeInProgress, boolean ready, boolean metal,
		@Schema(description = "Whether it is the branch's default keyspace; a dbplane branch's one is") @JsonProperty("default") boolean isDefault,
		boolean imported, Double vectorPoolAllocation, String nodeTtlStrategy,
		ReplicationDurabilityConstraints replicationDurabilityConstraints, VreplicationFlags vreplicationFlags,
		Map<String, Object> mysqldOptions, Map<String, Object> vttabletOptions) {

	static KeyspaceResponse from(BranchResponse branch, String databaseName) {
		return new KeyspaceResponse(PublicIds.derived(branch.id() + "/keyspace"), databaseName, 1, false,
				branch.replicas(), 0, branch.createdAt(), branch.updatedAt(), branch.clusterName(),
				branch.clusterDisplayName(), false, false, false, false, branch.ready(), branch.metal(), true, false,
				null, "node_ttl_follow_maintenance", new ReplicationDurabilityConstraints("available"),
				new VreplicationFlags(false, false, false), Map.of(), Map.of());
	}

	/**
	 * @param strategy how writes wait for replicas; dbplane's do not
	 */
	record ReplicationDurabilityConstraints(String strategy) {
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@ApiDocsSnakeCase
	record VreplicationFlags(boolean optimizeInserts, boolean allowNoBlobBinlogRowImage, boolean vplayerBatching) {
	}

}
