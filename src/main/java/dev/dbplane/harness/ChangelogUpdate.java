package dev.dbplane.harness;

import dev.dbplane.web.ApiException;
import jakarta.validation.constraints.Size;

/**
 * {@code changelog} in a PUT: each absent field keeps the stored one. Unknown fields are
 * refused.
 */
record ChangelogUpdate(String connector, @Size(min = 1) String location, @Size(min = 1) String repo,
		@Size(min = 1) String archivePath, String toml) {

	SchemaChangelog mergeInto(SchemaChangelog stored) {
		var base = (stored != null) ? stored : new SchemaChangelog(null, null, null, null, null);
		var merged = new SchemaChangelog(pick(this.connector, base.connector()), pick(this.location, base.location()),
				pick(this.repo, base.repo()), pick(this.archivePath, base.archivePath()), pick(this.toml, base.toml()));
		if (merged.location() == null) {
			throw ApiException.invalid("changelog.location: must not be null");
		}
		return merged;
	}

	static String pick(String given, String stored) {
		return (given != null) ? given : stored;
	}

}
