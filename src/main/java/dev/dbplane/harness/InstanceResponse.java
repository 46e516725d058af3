package dev.dbplane.harness;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Harness's {@code DBInstanceOut}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record InstanceResponse(String identifier, String name, Map<String, String> tags, String branch, String commitSha,
		String gitTag, String connector, String context, Map<String, String> substituteProperties,
		String lastAppliedTag, String lastDeployedChangeSetTag, boolean toOnboard, String schemaId,
		String schemaIdentifier, long created, long updated) {

	static InstanceResponse from(DbInstance instance, String schemaIdentifier) {
		return new InstanceResponse(instance.getIdentifier(), instance.getName(), instance.getTags(),
				instance.getBranch(), instance.getCommitSha(), instance.getGitTag(), instance.getConnector(),
				instance.getContext(), instance.getSubstituteProperties(), instance.getLastAppliedTag(),
				instance.getLastDeployedChangeSetTag(), instance.isToOnboard(), instance.getSchemaId().toString(),
				schemaIdentifier, instance.getCreatedAt().getEpochSecond(), instance.getUpdatedAt().getEpochSecond());
	}

}
