package dev.dbplane.harness;

import dev.dbplane.web.ApiException;
import jakarta.validation.constraints.Size;

import static dev.dbplane.harness.ChangelogUpdate.pick;

/**
 * {@code changeLogScript} in a PUT: each absent field keeps the stored one. Unknown
 * fields are refused.
 */
record ChangeLogScriptUpdate(@Size(min = 1) String image, @Size(min = 1) String command, String shell, String location,
		String toml) {

	SchemaScript mergeInto(SchemaScript stored) {
		var base = (stored != null) ? stored : new SchemaScript(null, null, null, null, null);
		var merged = new SchemaScript(pick(this.image, base.image()), pick(this.command, base.command()),
				pick(this.shell, base.shell()), pick(this.location, base.location()), pick(this.toml, base.toml()));
		if (merged.image() == null || merged.command() == null || merged.shell() == null || merged.location() == null) {
			throw ApiException.invalid("changeLogScript: image, command, shell and location are required");
		}
		return merged;
	}

}
