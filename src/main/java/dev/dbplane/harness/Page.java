package dev.dbplane.harness;

import java.util.List;
import java.util.function.Function;

/** One page of a Harness list and the figures of its paging headers. */
record Page<T>(List<T> items, long total, int pageNumber, int pageSize) {

	<R> Page<R> map(Function<? super T, ? extends R> mapper) {
		return new Page<>(this.items.stream().<R>map(mapper).toList(), this.total, this.pageNumber, this.pageSize);
	}

}
