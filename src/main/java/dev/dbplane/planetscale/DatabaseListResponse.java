package dev.dbplane.planetscale;

import java.util.List;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The page envelope of databases, which alone carries the totals. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record DatabaseListResponse(String type, int currentPage, int perPage, Integer nextPage, String nextPageUrl,
		Integer prevPage, String prevPageUrl, long totalCount, long totalPages, List<DatabaseResponse> data) {

	static DatabaseListResponse of(List<DatabaseResponse> data, long total, PageQuery query, PageLinks links) {
		var page = ListResponse.of(data, total, query, links);
		var pages = (total + query.perPage() - 1) / query.perPage();
		return new DatabaseListResponse(page.type(), page.currentPage(), page.perPage(), page.nextPage(),
				page.nextPageUrl(), page.prevPage(), page.prevPageUrl(), total, pages, data);
	}

}
