package dev.dbplane.planetscale;

import java.util.List;

import dev.dbplane.dataplane.TableSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaDiffUnitTests {

	private static final TableSchema KEPT = new TableSchema("kept", "CREATE TABLE kept (\n  id int\n);");

	@Test
	void whenABranchAddsChangesAndDropsTablesThenEachIsListedByNameWithItsLinesMarked() {
		var parent = List.of(new TableSchema("dropped", "CREATE TABLE dropped (\n  id int\n);"), KEPT,
				new TableSchema("changed", "CREATE TABLE changed (\n  id int,\n  name text\n);"));
		var branch = List.of(KEPT, new TableSchema("added", "CREATE TABLE added (\n  id int\n);"),
				new TableSchema("changed", "CREATE TABLE changed (\n  id int,\n  title text,\n  body text\n);"));

		var diff = SchemaDiff.between(parent, branch);

		assertThat(diff).extracting(TableSchema::name).containsExactly("added", "changed", "dropped");
		assertThat(diff.get(0).raw()).isEqualTo("+CREATE TABLE added (\n+  id int\n+);");
		assertThat(diff.get(1).raw())
			.isEqualTo(" CREATE TABLE changed (\n   id int,\n-  name text\n+  title text,\n+  body text\n );");
		assertThat(diff.get(2).raw()).isEqualTo("-CREATE TABLE dropped (\n-  id int\n-);");
	}

	@Test
	void whenTheSchemasAreAlikeThenThereIsNoDiff() {
		assertThat(SchemaDiff.between(List.of(KEPT), List.of(KEPT))).isEmpty();
		assertThat(SchemaDiff.between(List.of(), List.of())).isEmpty();
	}

}
