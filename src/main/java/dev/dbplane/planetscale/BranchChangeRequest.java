package dev.dbplane.planetscale;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code PATCH .../branches/{branch}/changes}, which pscale's
 * {@code branch resize} and planetscale-go's {@code PostgresBranches.Resize} send: a
 * cluster size, a replica count and parameter values, each optional. The parameters named
 * are set; the others keep their values.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record BranchChangeRequest(String clusterSize, Integer replicas, Map<String, Map<String, String>> parameters,
		Map<String, Object> storage) {

	void check(List<String> problems) {
		if (this.replicas != null && (this.replicas < 0 || this.replicas == 1)) {
			problems.add("replicas must be 0 (no high availability) or at least 2");
		}
		if (this.storage != null && !this.storage.isEmpty()) {
			// dbplane's branches have their database's storage, which no request changes
			problems.add("storage cannot be changed");
		}
		BranchParameter.check(this.parameters, problems);
	}

}
