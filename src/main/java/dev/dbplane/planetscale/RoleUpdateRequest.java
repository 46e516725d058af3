package dev.dbplane.planetscale;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The body of {@code PATCH .../roles/{id}}: an absent field changes nothing. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record RoleUpdateRequest(String name, String requireWhereOnDelete, String requireWhereOnUpdate) {

	void check(List<String> problems) {
		PasswordCreateRequest.checkName(this.name, problems);
		RoleCreateRequest.checkQuerySafety(this.requireWhereOnDelete, this.requireWhereOnUpdate, problems);
	}

}
