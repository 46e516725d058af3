package dev.dbplane.planetscale;

import java.util.Map;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A branch's cluster change request, as {@code .../changes} lists it. dbplane applies a
 * change at once, so it is {@code completed}, started and completed when it was made.
 * dbplane changes no storage: the storage fields are the database's, before and after.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record BranchChangeResponse(String id, String state, String startedAt, String completedAt, String createdAt,
		String updatedAt, ActorResponse actor, String clusterName, String clusterDisplayName, boolean clusterMetal,
		int replicas, Map<String, Map<String, String>> parameters, String previousClusterName,
		String previousClusterDisplayName, boolean previousClusterMetal, int previousReplicas,
		Map<String, Map<String, String>> previousParameters, long minimumStorageBytes, long maximumStorageBytes,
		boolean storageAutoscaling, boolean storageShrinking, String storageType, int storageIops,
		int storageThroughputMibs, long previousMinimumStorageBytes, long previousMaximumStorageBytes,
		boolean previousStorageAutoscaling, boolean previousStorageShrinking, String previousStorageType,
		int previousStorageIops, int previousStorageThroughputMibs) {

	/** A gp3 volume's baseline, which dbplane's volumes are taken to have. */
	private static final int BASELINE_IOPS = 3000;

	private static final int BASELINE_THROUGHPUT_MIBS = 125;

	/**
	 * @param change the stored change
	 * @param database the branch's database, whose storage the branch has
	 * @param region the branch's region, whose provider names the storage type
	 * @param catalogue where the cluster sizes' names are looked up
	 * @param actor who made the change
	 */
	static BranchChangeResponse from(BranchChange change, Database database, Region region, Catalogue catalogue,
			ActorResponse actor) {
		var at = Timestamps.format(change.getCreatedAt());
		var after = change.getCluster();
		var before = change.getPreviousCluster();
		var size = catalogue.clusterSize(after.clusterName());
		var previousSize = catalogue.clusterSize(before.clusterName());
		var minimum = minimumStorage(database, size);
		var maximum = (database.getMaximumStorageBytes() != null) ? database.getMaximumStorageBytes() : minimum;
		var autoscaling = maximum > minimum;
		var type = "GCP".equalsIgnoreCase(region.getProvider()) ? "pd_ssd" : "gp3";
		return new BranchChangeResponse(change.getId(), "completed", at, Timestamps.format(change.getCompletedAt()), at,
				Timestamps.format(change.getCompletedAt()), actor, after.clusterName(),
				displayName(size, after.clusterName()), size != null && size.isMetal(), count(after.replicas()),
				parameters(after.parameters()), before.clusterName(), displayName(previousSize, before.clusterName()),
				previousSize != null && previousSize.isMetal(), count(before.replicas()),
				parameters(before.parameters()), minimum, maximum, autoscaling, false, type, BASELINE_IOPS,
				BASELINE_THROUGHPUT_MIBS, minimum, maximum, autoscaling, false, type, BASELINE_IOPS,
				BASELINE_THROUGHPUT_MIBS);
	}

	private static long minimumStorage(Database database, ClusterSize size) {
		if (database.getMinimumStorageBytes() != null) {
			return database.getMinimumStorageBytes();
		}
		return (size != null && size.getStorage() != null) ? size.getStorage() : 0;
	}

	private static String displayName(ClusterSize size, String name) {
		return (size != null) ? size.getDisplayName() : name;
	}

	private static int count(Integer replicas) {
		return (replicas != null) ? replicas : 0;
	}

	private static Map<String, Map<String, String>> parameters(Map<String, Map<String, String>> parameters) {
		return (parameters != null) ? parameters : Map.of();
	}

}
