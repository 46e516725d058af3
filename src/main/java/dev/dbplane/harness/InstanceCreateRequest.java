package dev.dbplane.harness;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Harness's {@code DBInstanceIn}: the body of an instance create.
 * {@code substituteProperties} was called {@code liquibaseSubstituteProperties} before
 * October 2025; both names are accepted.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record InstanceCreateRequest(
		@NotNull @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String identifier,
		@NotBlank @Size(max = 128) String name, @Size(max = 128) Map<String, @NotNull @Size(max = 128) String> tags,
		String branch, String commitSha, String gitTag, @NotBlank String connector, String context,
		@JsonAlias("liquibaseSubstituteProperties") Map<String, @NotNull String> substituteProperties) {

	Revision revision() {
		return new Revision(this.branch, this.commitSha, this.gitTag);
	}

}
