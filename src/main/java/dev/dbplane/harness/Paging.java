package dev.dbplane.harness;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Harness's list response: a bare JSON array and three paging headers. */
final class Paging {

	private Paging() {
	}

	static <T> ResponseEntity<List<T>> respond(Page<T> page) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Total-Elements", Long.toString(page.total()))
			.header("X-Page-Number", Integer.toString(page.pageNumber()))
			.header("X-Page-Size", Integer.toString(page.pageSize()))
			.body(page.items());
	}

}
