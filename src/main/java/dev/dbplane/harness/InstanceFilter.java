package dev.dbplane.harness;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.dbplane.web.Enums;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Harness's {@code DBInstanceFilterIn}, the optional body of an instance list. With
 * {@code Equals} an instance matches when it carries every listed tag; with
 * {@code NotEquals} when it does not. A tag without a value matches any value of that
 * key.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record InstanceFilter(FilterType filterType, @Size(max = 128) List<@NotNull @Valid Tag> instanceTags) {

	static final InstanceFilter NONE = new InstanceFilter(null, null);

	enum FilterType {

		Equals, NotEquals;

		@JsonCreator
		static FilterType of(String value) {
			return Enums.exact(FilterType.class, value);
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Tag(@NotNull String key, String value) {
	}

	boolean negated() {
		return this.filterType == FilterType.NotEquals;
	}

	List<Tag> tags() {
		return (this.instanceTags != null) ? this.instanceTags : List.of();
	}

}
