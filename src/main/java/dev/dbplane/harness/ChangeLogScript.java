package dev.dbplane.harness;

import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The script that produces the changelog of a {@code Script} schema, as sent on create
 * and returned. Unknown fields are refused here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChangeLogScript(@Schema(example = "plugins/image:latest") @NotNull @Size(min = 1) String image,
		@Schema(example = "curl -o changelog.yaml https://example.com/changelog.yaml") @NotNull @Size(
				min = 1) String command,
		@Schema(example = "Bash") @NotNull String shell, @Schema(example = "changelog.yaml") @NotNull String location,
		String toml) {

	SchemaScript toStored() {
		return new SchemaScript(this.image, this.command, this.shell, this.location, this.toml);
	}

	static ChangeLogScript from(SchemaScript stored) {
		return (stored != null) ? new ChangeLogScript(stored.image(), stored.command(), stored.shell(),
				stored.location(), stored.toml()) : null;
	}

}
