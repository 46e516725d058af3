package dev.dbplane.planetscale;

import java.util.List;

import dev.dbplane.dataplane.TableSchema;
import org.springframework.web.util.HtmlUtils;

/**
 * A branch's schema ({@code GET .../branches/{branch}/schema}): its tables, each with the
 * statement that creates it as the branch's server writes it.
 */
record BranchSchemaResponse(List<Table> data) {

	static BranchSchemaResponse from(List<TableSchema> tables) {
		return new BranchSchemaResponse(tables.stream()
			.map((table) -> new Table(table.name(), "<pre>" + HtmlUtils.htmlEscape(table.raw()) + "</pre>",
					table.raw()))
			.toList());
	}

	/**
	 * @param name the table's name
	 * @param html the statement as HTML, escaped (not highlighted)
	 * @param raw the statement
	 */
	record Table(String name, String html, String raw) {
	}

}
