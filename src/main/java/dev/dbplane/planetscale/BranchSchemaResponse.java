package dev.dbplane.planetscale;

import java.util.List;

import dev.dbplane.dataplane.TableSchema;
import io.swagger.v3.oas.annotations.media.Schema;
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
	record Table(@Schema(description = "The table's name") String name,
			@Schema(description = "The statement as HTML: escaped, in a pre element") String html,
			@Schema(description = "The statement that creates the table; in a diff, each line marked + (the branch's), "
					+ "- (its parent's) or a space (both)") String raw) {
	}

}
