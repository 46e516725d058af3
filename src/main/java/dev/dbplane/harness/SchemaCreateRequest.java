package dev.dbplane.harness;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Harness's {@code DBSchemaIn}: the body of a schema create. */
@JsonIgnoreProperties(ignoreUnknown = true)
record SchemaCreateRequest(
		@NotNull @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) @Pattern(
				regexp = Identifiers.NOT_RESERVED, message = Identifiers.RESERVED_MESSAGE) String identifier,
		@NotBlank @Size(max = 128) String name, @Size(max = 128) Map<String, @NotNull @Size(max = 128) String> tags,
		@Valid Changelog changelog, @Valid ChangeLogScript changeLogScript, @Size(min = 1) String service,
		SchemaType type, MigrationType migrationType, Boolean usePercona, String primaryDbInstanceId) {

	/** The type the caller asked for, or the one its source implies. */
	SchemaType effectiveType() {
		if (this.type != null) {
			return this.type;
		}
		return (this.changelog == null && this.changeLogScript != null) ? SchemaType.Script : SchemaType.Repository;
	}

}
