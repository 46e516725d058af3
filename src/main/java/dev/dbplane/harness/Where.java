package dev.dbplane.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A WHERE clause of a list query, built from fixed SQL fragments and their bind
 * parameters: what a caller sends only ever becomes a parameter, never SQL text.
 */
final class Where {

	private final StringBuilder sql = new StringBuilder();

	private final List<Object> params = new ArrayList<>();

	Where and(String condition, Object... params) {
		this.sql.append(this.sql.isEmpty() ? " where " : " and ").append(condition);
		Collections.addAll(this.params, params);
		return this;
	}

	String sql() {
		return this.sql.toString();
	}

	List<Object> params() {
		return this.params;
	}

}
