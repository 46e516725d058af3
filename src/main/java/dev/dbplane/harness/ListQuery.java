package dev.dbplane.harness;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.BindParam;

/**
 * Harness's list parameters: {@code page} (0-based), {@code limit} (at most 100),
 * {@code sort}, {@code order} and {@code search_term}. Ties are broken by identifier so
 * that pages never overlap.
 */
record ListQuery(@Parameter(description = "Page number, 0-based", example = "0") @Min(0) @Max(MAX_PAGE) Integer page,
		@Parameter(description = "Page size, at most 100 (default 10); 0 returns only the total",
				example = "10") @Min(0) @Max(100) Integer limit,
		@Parameter(description = "name, updated or created (default)") @Pattern(regexp = "name|updated|created",
				message = "must be one of name, updated, created") String sort,
		@Parameter(description = "ASC or DESC (default)") @Pattern(regexp = "(?i)ASC|DESC",
				message = "must be one of ASC, DESC") String order,
		@Parameter(name = "search_term",
				description = "Matches name or identifier, ignoring case") @BindParam("search_term") @Pattern(
						regexp = "[^\\x00]*", message = "must not contain NUL characters") String searchTerm) {

	/** The last page whose first row is still addressable with the largest limit. */
	static final int MAX_PAGE = Integer.MAX_VALUE / 100;

	int pageNumber() {
		return (this.page != null) ? this.page : 0;
	}

	int pageSize() {
		return (this.limit != null) ? this.limit : 10;
	}

	/** The page to read; {@code null} for {@code limit=0}, which only counts. */
	PageRequest pageRequest() {
		if (pageSize() == 0) {
			return null;
		}
		var direction = "ASC".equalsIgnoreCase(this.order) ? Sort.Direction.ASC : Sort.Direction.DESC;
		var property = switch ((this.sort != null) ? this.sort : "created") {
			case "name" -> "name";
			case "updated" -> "updatedAt";
			default -> "createdAt";
		};
		return PageRequest.of(pageNumber(), pageSize(),
				Sort.by(direction, property).and(Sort.by(direction, "identifier")));
	}

	/** The search term as a case-insensitive LIKE pattern, or {@code null} for none. */
	String likePattern() {
		if (this.searchTerm == null || this.searchTerm.isEmpty()) {
			return null;
		}
		var escaped = this.searchTerm.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return "%" + escaped + "%";
	}

}
