package dev.dbplane.planetscale;

import java.util.List;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The page envelope with totals, as databases and service tokens are listed. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record CountedListResponse<T>(String type, int currentPage, int perPage, Integer nextPage, String nextPageUrl,
		Integer prevPage, String prevPageUrl, long totalCount, long totalPages, List<T> data) {

	static <T> CountedListResponse<T> of(List<T> data, long total, PageQuery query, PageLinks links) {
		var page = ListResponse.of(data, total, query, links);
		var pages = (total + query.perPage() - 1) / query.perPage();
		return new CountedListResponse<>(page.type(), page.currentPage(), page.perPage(), page.nextPage(),
				page.nextPageUrl(), page.prevPage(), page.prevPageUrl(), total, pages, data);
	}

}
