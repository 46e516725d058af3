package dev.dbplane.planetscale;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The body of {@code PATCH .../passwords/{id}}: an absent field changes nothing. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record PasswordUpdateRequest(String name, List<String> cidrs) {

	void check(List<String> problems) {
		PasswordCreateRequest.checkName(this.name, problems);
		PasswordCreateRequest.checkCidrs(this.cidrs, problems);
	}

}
