package dev.dbplane.planetscale;

import java.util.List;

/**
 * The page a list request asks for. {@code page} counts from 1; a page below 1 is read as
 * the first page. {@code per_page} defaults to 25 and is capped at 100; below 1 it is the
 * default.
 */
record PageQuery(int page, int perPage) {

	static final int DEFAULT_PER_PAGE = 25;

	static final int MAX_PER_PAGE = 100;

	static PageQuery of(Integer page, Integer perPage) {
		int effectivePage = (page == null || page < 1) ? 1 : page;
		int effectivePerPage = (perPage == null || perPage < 1) ? DEFAULT_PER_PAGE : Math.min(perPage, MAX_PER_PAGE);
		return new PageQuery(effectivePage, effectivePerPage);
	}

	long offset() {
		return (long) (this.page - 1) * this.perPage;
	}

	/** Whether this page starts after the last of {@code total} items. */
	boolean beyond(long total) {
		return offset() >= total;
	}

	boolean hasNext(long total) {
		return offset() + this.perPage < total;
	}

	/** This page of a list held in memory. */
	<T> List<T> slice(List<T> all) {
		if (beyond(all.size())) {
			return List.of();
		}
		int from = (int) offset();
		return all.subList(from, (int) Math.min(all.size(), from + (long) this.perPage));
	}

}
