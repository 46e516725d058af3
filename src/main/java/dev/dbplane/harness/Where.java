package dev.dbplane.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

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

	/**
	 * One page of {@code columns} from {@code table} (aliased {@code alias}) under these
	 * conditions, ordered as {@code query} says; the rows are counted only when the page
	 * cannot tell the total itself.
	 */
	<T> Page<T> page(JdbcClient jdbc, String columns, String table, String alias, ListQuery query, RowMapper<T> rows) {
		var from = " from " + table + " " + alias + sql();
		LongSupplier count = () -> jdbc.sql("select count(*)" + from).params(this.params).query(Long.class).single();
		if (query.countOnly()) {
			return new Page<>(List.of(), count.getAsLong(), query.pageNumber(), 0);
		}
		var params = new ArrayList<>(this.params);
		params.add(query.pageSize());
		params.add(query.offset());
		var items = jdbc.sql("select " + columns + from + " order by " + query.orderBy(alias) + " limit ? offset ?")
			.params(params)
			.query(rows)
			.list();
		return query.page(items, count);
	}

}
