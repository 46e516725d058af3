package dev.dbplane.harness;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The source of a {@code Repository} schema, as sent on create and returned. Unknown
 * fields are refused here (Harness declares no additional properties). An empty
 * {@code connector} selects a Harness Code repository.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Changelog(String connector, @NotNull @Size(min = 1) String location, @Size(min = 1) String repo,
		@Size(min = 1) String archivePath, String toml) {

	SchemaChangelog toStored() {
		return new SchemaChangelog(this.connector, this.location, this.repo, this.archivePath, this.toml);
	}

	static Changelog from(SchemaChangelog stored) {
		return (stored != null) ? new Changelog(stored.connector(), stored.location(), stored.repo(),
				stored.archivePath(), stored.toml()) : null;
	}

}
