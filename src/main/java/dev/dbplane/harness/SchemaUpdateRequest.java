package dev.dbplane.harness;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Harness's {@code DBSchemaUpdateRequest}. Absent fields keep their stored values.
 * Terraform sends its whole create body here, so {@code identifier} and
 * {@code migrationType} are accepted when they equal the stored values.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SchemaUpdateRequest(String identifier,
		@Size(min = 1, max = 128) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
		@Size(max = 128) Map<String, @NotNull @Size(max = 128) String> tags, @Valid ChangelogUpdate changelog,
		@Valid ChangeLogScriptUpdate changeLogScript, @Size(min = 1) String service, SchemaType type,
		MigrationType migrationType, Boolean usePercona, String primaryDbInstanceId) {
}
