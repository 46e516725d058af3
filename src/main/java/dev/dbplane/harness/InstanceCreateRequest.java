package dev.dbplane.harness;

import io.swagger.v3.oas.annotations.media.Schema;
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
		@Schema(description = "Unique in the schema", example = "customer_db_instance") @NotNull @Pattern(
				regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String identifier,
		@Schema(example = "Customer DB Instance") @NotBlank @Size(max = 128) String name,
		@Schema(example = "{\"env\": \"dev\"}") @Size(max = 128) Map<String, @NotNull @Size(max = 128) String> tags,
		@Schema(description = "One of branch, commitSha, gitTag is required under a Repository schema",
				example = "main") String branch,
		@Schema(description = "Mutually exclusive with branch and gitTag") String commitSha,
		@Schema(description = "Mutually exclusive with branch and commitSha") String gitTag,
		@Schema(description = "JDBC connector of the database", example = "pg") @NotBlank String connector,
		@Schema(description = "Liquibase context", example = "dev") String context,
		@Schema(description = "Placeholders replaced in migration scripts; liquibaseSubstituteProperties is accepted too",
				example = "{\"DB_NAME\": \"customers\"}") @JsonAlias("liquibaseSubstituteProperties") Map<String, @NotNull String> substituteProperties) {

	Revision revision() {
		return new Revision(this.branch, this.commitSha, this.gitTag);
	}

}
