package dev.dbplane.planetscale;

import java.util.List;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** PlanetScale's page envelope, as organizations and regions are listed. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record ListResponse<T>(String type, int currentPage, int perPage, Integer nextPage, String nextPageUrl,
		Integer prevPage, String prevPageUrl, List<T> data) {

	static <T> ListResponse<T> of(List<T> data, long total, PageQuery query, PageLinks links) {
		var next = query.hasNext(total) ? query.page() + 1 : null;
		var prev = (query.page() > 1) ? query.page() - 1 : null;
		return new ListResponse<>("list", query.page(), query.perPage(), next,
				(next != null) ? links.page(next, query.perPage()) : null, prev,
				(prev != null) ? links.page(prev, query.perPage()) : null, data);
	}

}
