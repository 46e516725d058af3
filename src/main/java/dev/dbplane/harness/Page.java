package dev.dbplane.harness;

import java.util.List;

/** One page of a Harness list and the figures of its paging headers. */
record Page<T>(List<T> items, long total, int pageNumber, int pageSize) {
}
