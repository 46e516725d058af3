package dev.dbplane.planetscale;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code PUT .../branches/{branch}/resizes}: the vtgates of a MySQL branch.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record BranchResizeRequest(String vtgateSize, Integer vtgateCount, Integer vtgateMaxCount, Boolean vtgateAutoscaling,
		Integer vtgateTargetCpuUtilization) {

	void check(List<String> problems) {
		if (this.vtgateSize != null && !this.vtgateSize.matches("^VTG_[0-9]{1,4}$")) {
			problems.add("vtgate_size must be a vtgate size such as VTG_5");
		}
		if (this.vtgateCount != null && (this.vtgateCount < 0 || this.vtgateCount > 64)) {
			problems.add("vtgate_count must be between 0 and 64");
		}
		if (this.vtgateMaxCount != null && (this.vtgateMaxCount < 0 || this.vtgateMaxCount > 64)) {
			problems.add("vtgate_max_count must be between 0 and 64");
		}
		if (this.vtgateTargetCpuUtilization != null
				&& (this.vtgateTargetCpuUtilization < 1 || this.vtgateTargetCpuUtilization > 100)) {
			problems.add("vtgate_target_cpu_utilization must be between 1 and 100");
		}
	}

}
