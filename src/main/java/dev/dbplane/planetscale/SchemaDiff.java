package dev.dbplane.planetscale;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.dbplane.dataplane.TableSchema;

/**
 * What a branch's schema changed from its parent's, as {@code pscale branch diff} prints
 * it: one entry per table added, dropped or changed, its statement's lines marked
 * {@code +} (only the branch has it), {@code -} (only the parent has it) or a space (both
 * have it). Tables the two have alike are left out.
 */
final class SchemaDiff {

	private SchemaDiff() {
	}

	static List<TableSchema> between(List<TableSchema> parent, List<TableSchema> branch) {
		var before = new TreeMap<String, String>();
		parent.forEach((table) -> before.put(table.name(), table.raw()));
		var after = new TreeMap<String, String>();
		branch.forEach((table) -> after.put(table.name(), table.raw()));
		var names = new TreeSet<>(before.keySet());
		names.addAll(after.keySet());
		var diffs = new ArrayList<TableSchema>();
		for (var name : names) {
			var old = before.getOrDefault(name, "");
			var now = after.getOrDefault(name, "");
			if (!old.equals(now)) {
				diffs.add(new TableSchema(name, lines(old, now)));
			}
		}
		return diffs;
	}

	/**
	 * The lines of {@code old} and {@code now}, marked by a longest common subsequence.
	 */
	private static String lines(String old, String now) {
		var a = old.isEmpty() ? new String[0] : old.split("\n", -1);
		var b = now.isEmpty() ? new String[0] : now.split("\n", -1);
		// common[i][j]: the longest common subsequence of a[i..] and b[j..]
		var common = new int[a.length + 1][b.length + 1];
		for (int i = a.length - 1; i >= 0; i--) {
			for (int j = b.length - 1; j >= 0; j--) {
				common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1
						: Math.max(common[i + 1][j], common[i][j + 1]);
			}
		}
		var out = new ArrayList<String>();
		int i = 0;
		int j = 0;
		while (i < a.length || j < b.length) {
			if (i < a.length && j < b.length && a[i].equals(b[j])) {
				out.add(" " + a[i++]);
				j++;
			}
			else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
				out.add("-" + a[i++]);
			}
			else {
				out.add("+" + b[j++]);
			}
		}
		return String.join("\n", out);
	}

}
