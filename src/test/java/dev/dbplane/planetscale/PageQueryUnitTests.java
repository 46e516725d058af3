package dev.dbplane.planetscale;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageQueryUnitTests {

	@Test
	void whenNothingIsAskedThenItIsTheFirstPageOf25() {
		assertThat(PageQuery.of(null, null)).isEqualTo(new PageQuery(1, 25));
	}

	@Test
	void whenThePageIsBelowOneThenItIsTheFirstPage() {
		assertThat(PageQuery.of(0, 10)).isEqualTo(new PageQuery(1, 10));
		assertThat(PageQuery.of(-4, 10)).isEqualTo(new PageQuery(1, 10));
	}

	@Test
	void whenPerPageIsOutOfRangeThenItIsCappedOrDefaulted() {
		assertThat(PageQuery.of(1, 101).perPage()).isEqualTo(100);
		assertThat(PageQuery.of(1, 0).perPage()).isEqualTo(25);
	}

	@Test
	void whenSlicingThenPagesPastTheEndAreEmpty() {
		var items = List.of(1, 2, 3, 4, 5);

		assertThat(PageQuery.of(1, 2).slice(items)).containsExactly(1, 2);
		assertThat(PageQuery.of(3, 2).slice(items)).containsExactly(5);
		assertThat(PageQuery.of(4, 2).slice(items)).isEmpty();
		assertThat(PageQuery.of(Integer.MAX_VALUE, 100).slice(items)).isEmpty();
		assertThat(PageQuery.of(2, 2).hasNext(5)).isTrue();
		assertThat(PageQuery.of(3, 2).hasNext(5)).isFalse();
	}

}
