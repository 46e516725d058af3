package dev.dbplane.planetscale;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A branch's vtgate resize request, as {@code .../resizes} lists it: {@code completed} at
 * once, as dbplane applies it. A setting the branch does not have (a maximum count or a
 * CPU target without autoscaling) is null, as on the branch itself; pscale reads these
 * four as nullable.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record BranchResizeResponse(String id, String state, String startedAt, String completedAt, String createdAt,
		String updatedAt, String vtgateSize, String previousVtgateSize, int vtgateCount, int previousVtgateCount,
		Integer vtgateMaxCount, Integer previousVtgateMaxCount, boolean vtgateAutoscaling,
		boolean previousVtgateAutoscaling, Integer vtgateTargetCpuUtilization,
		Integer previousVtgateTargetCpuUtilization, String vtgateName, String vtgateDisplayName,
		String previousVtgateName, String previousVtgateDisplayName, ActorResponse actor) {

	static BranchResizeResponse from(BranchChange change, ActorResponse actor) {
		var at = Timestamps.format(change.getCreatedAt());
		var after = change.getVtgate();
		var before = change.getPreviousVtgate();
		return new BranchResizeResponse(change.getId(), "completed", at, Timestamps.format(change.getCompletedAt()), at,
				Timestamps.format(change.getCompletedAt()), after.size(), before.size(), after.count(), before.count(),
				after.maxCount(), before.maxCount(), after.autoscaling(), before.autoscaling(),
				after.targetCpuUtilization(), before.targetCpuUtilization(), after.size(), after.size(), before.size(),
				before.size(), actor);
	}

}
