package dev.dbplane.harness;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Harness's {@code DBInstanceUpdateRequest}. Absent fields keep their stored values;
 * naming one of {@code branch}, {@code commitSha}, {@code gitTag} clears the other two.
 * Terraform sends its whole create body, so an unchanged {@code identifier} is accepted.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record InstanceUpdateRequest(String identifier,
		@Size(min = 1, max = 128) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
		@Size(max = 128) Map<String, @NotNull @Size(max = 128) String> tags, String branch, String commitSha,
		String gitTag, @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String connector, String context,
		String version, @JsonAlias("liquibaseSubstituteProperties") Map<String, @NotNull String> substituteProperties) {

	Revision revision() {
		return new Revision(this.branch, this.commitSha, this.gitTag);
	}

}
