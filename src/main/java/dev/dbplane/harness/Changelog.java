package dev.dbplane.harness;

import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The source of a {@code Repository} schema, as sent on create and returned. Unknown
 * fields are refused here (Harness declares no additional properties). An empty
 * {@code connector} selects a Harness Code repository.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Changelog(
		@Schema(description = "Git connector; an empty string selects a Harness Code repository",
				example = "my_git_connector") String connector,
		@Schema(example = "db/changelog.yaml") @NotNull @Size(min = 1) String location,
		@Schema(example = "my-repo") @Size(min = 1) String repo, @Size(min = 1) String archivePath, String toml) {

	SchemaChangelog toStored() {
		return new SchemaChangelog(this.connector, this.location, this.repo, this.archivePath, this.toml);
	}

	static Changelog from(SchemaChangelog stored) {
		return (stored != null) ? new Changelog(stored.connector(), stored.location(), stored.repo(),
				stored.archivePath(), stored.toml()) : null;
	}

}
