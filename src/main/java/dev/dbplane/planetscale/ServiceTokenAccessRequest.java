package dev.dbplane.planetscale;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Accesses to grant or revoke, as pscale and planetscale-go send them: organization-wide
 * without {@code database}, for one database with it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ServiceTokenAccessRequest(
		@Schema(description = "A database name; absent for organization-wide accesses",
				example = "app-db") String database,
		@Schema(example = "[\"read_database\", \"write_database\"]") List<String> access) {
}
