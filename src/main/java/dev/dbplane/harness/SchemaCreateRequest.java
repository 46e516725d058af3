package dev.dbplane.harness;

import io.swagger.v3.oas.annotations.media.Schema;
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
		@Schema(description = "Unique in the project; letters, digits, _ and $",
				example = "my_db_schema") @NotNull @Identifier @Pattern(regexp = Identifiers.NOT_RESERVED,
						message = Identifiers.RESERVED_MESSAGE) String identifier,
		@Schema(example = "My Database Schema") @NotBlank @Size(max = 128) String name,
		@Schema(example = "{\"env\": \"dev\"}") @Size(max = 128) Map<String, @NotNull @Size(max = 128) String> tags,
		@Schema(description = "Source of a Repository schema") @Valid Changelog changelog,
		@Schema(description = "Source of a Script schema") @Valid ChangeLogScript changeLogScript,
		@Size(min = 1) String service,
		@Schema(description = "Default: Repository when changelog is given", example = "Repository") SchemaType type,
		@Schema(description = "Default Liquibase; fixed after creation",
				example = "Liquibase") MigrationType migrationType,
		Boolean usePercona, String primaryDbInstanceId) {

	/** The type the caller asked for, or the one its source implies. */
	SchemaType effectiveType() {
		if (this.type != null) {
			return this.type;
		}
		return (this.changelog == null && this.changeLogScript != null) ? SchemaType.Script : SchemaType.Repository;
	}

}
