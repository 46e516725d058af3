package dev.dbplane.planetscale;

import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/**
 * A page of a JPA-mapped list as PlanetScale's envelope needs it: the items and the
 * total. A page that starts past what an {@code int} offset holds (JPA's first result) is
 * counted only, and empty, as any page past the end is.
 */
record SpecificationPages<T>(List<T> items, long total) {

	static <T> SpecificationPages<T> of(JpaSpecificationExecutor<T> repository, Specification<T> filter,
			PageQuery query, Sort sort) {
		if (query.offset() + query.perPage() > Integer.MAX_VALUE) {
			return new SpecificationPages<>(List.of(), repository.count(filter));
		}
		var page = repository.findAll(filter, PageRequest.of(query.page() - 1, query.perPage(), sort));
		return new SpecificationPages<>(page.getContent(), page.getTotalElements());
	}

}
