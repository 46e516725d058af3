package dev.dbplane.harness;

import java.util.List;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.validation.constraints.Pattern;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

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
	 * The order of a page: a fixed attribute chosen by {@code sort}, then the identifier.
	 */
	Sort ordering() {
		var direction = "ASC".equalsIgnoreCase(this.order) ? Sort.Direction.ASC : Sort.Direction.DESC;
		var attribute = switch ((this.sort != null) ? this.sort : "created") {
			case "name" -> "name";
			case "updated" -> "updatedAt";
			default -> "createdAt";
		};
		return Sort.by(direction, attribute, "identifier");
	}

	/**
	 * The page of what {@code where} selects from {@code rows}. All matches are counted
	 * only when the page does not tell: a short first page is all there is, and a short
	 * later page ends the list ({@code limit=0} only counts).
	 */
	<E> Page<E> page(JpaSpecificationExecutor<E> rows, Specification<E> where) {
		if (countOnly()) {
			return new Page<>(List.of(), rows.count(where), pageNumber(), 0);
		}
		var page = rows.findAll(where, PageRequest.of(pageNumber(), pageSize(), ordering()));
		return new Page<>(page.getContent(), page.getTotalElements(), pageNumber(), pageSize());
	}

	/**
	 * The search term as a condition on {@code root}: its name or identifier contains the
	 * term, ignoring case; {@code null} for no term.
	 */
	Predicate searched(Root<?> root, CriteriaBuilder cb) {
		var pattern = likePattern();
		if (pattern == null) {
			return null;
		}
		return cb.or(cb.like(cb.lower(root.get("name")), pattern, '\\'),
				cb.like(cb.lower(root.get("identifier")), pattern, '\\'));
	}

	/** The search term as a case-insensitive LIKE pattern, or {@code null} for none. */
	private String likePattern() {
		if (this.searchTerm == null || this.searchTerm.isEmpty()) {
			return null;
		}
		var escaped = this.searchTerm.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return "%" + escaped + "%";
	}

}
