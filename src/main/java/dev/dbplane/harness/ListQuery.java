package dev.dbplane.harness;

import java.util.List;
import java.util.function.LongSupplier;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

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

	/** Whether only the total is asked for ({@code limit=0}). */
	boolean countOnly() {
		return pageSize() == 0;
	}

	/** How many rows come before the page. */
	long offset() {
		return (long) pageNumber() * pageSize();
	}

	/**
	 * The ORDER BY of a page of the table aliased {@code alias}: a fixed column chosen by
	 * {@code sort}, then the identifier.
	 */
	String orderBy(String alias) {
		var direction = "ASC".equalsIgnoreCase(this.order) ? " asc" : " desc";
		var column = switch ((this.sort != null) ? this.sort : "created") {
			case "name" -> "name";
			case "updated" -> "updated_at";
			default -> "created_at";
		};
		return alias + "." + column + direction + ", " + alias + ".identifier" + direction;
	}

	/**
	 * The page of {@code items}, counting all matches only when the page does not tell: a
	 * short first page is all there is, and a short later page ends the list.
	 */
	<T> Page<T> page(List<T> items, LongSupplier count) {
		long total;
		if (offset() == 0 && items.size() < pageSize()) {
			total = items.size();
		}
		else if (offset() > 0 && !items.isEmpty() && items.size() < pageSize()) {
			total = offset() + items.size();
		}
		else {
			total = count.getAsLong();
		}
		return new Page<>(items, total, pageNumber(), pageSize());
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
