package dev.dbplane.planetscale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;

/** The optional body of a service-token create. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ServiceTokenCreateRequest(@Schema(example = "ci") String name,
		@Schema(description = "Seconds until the token stops working; absent for never") Long ttl) {
}
