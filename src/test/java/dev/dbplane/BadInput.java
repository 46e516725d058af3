package dev.dbplane;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Helpers shared by the families' bad-input property tests. */
public final class BadInput {

	private BadInput() {
	}

	/** Whether PostgreSQL can store the text: no NUL, no unpaired surrogate. */
	public static boolean storable(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\0') {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Positions of letters inside string values; names are left alone, since a mangled
	 * name is only an unknown field, which is ignored.
	 */
	public static List<Integer> indexesInsideStrings(String json) {
		var indexes = new ArrayList<Integer>();
		var current = new ArrayList<Integer>();
		boolean inString = false;
		for (int i = 0; i < json.length(); i++) {
			char c = json.charAt(i);
			if (c == '"' && inString) {
				inString = false;
				if (i + 1 < json.length() && json.charAt(i + 1) != ':') {
					indexes.addAll(current);
				}
			}
			else if (c == '"') {
				inString = true;
				current.clear();
			}
			else if (inString && Character.isLetter(c)) {
				current.add(i);
			}
		}
		return indexes;
	}

	public static byte[] splice(byte[] bytes, int at, byte[] inserted) {
		var result = new byte[bytes.length + inserted.length];
		System.arraycopy(bytes, 0, result, 0, at);
		System.arraycopy(inserted, 0, result, at, inserted.length);
		System.arraycopy(bytes, at, result, at + inserted.length, bytes.length - at);
		return result;
	}

	public static String nested(int depth, boolean arrays) {
		var open = arrays ? "[" : "{\"a\":";
		var close = arrays ? "]" : "}";
		return open.repeat(depth) + "1" + close.repeat(depth);
	}

	public static String describe(String text) {
		var shown = text.length() > 60 ? text.substring(0, 60) + "... (" + text.length() + " chars)" : text;
		return shown.chars()
			.mapToObj((c) -> (c < 0x20 || c > 0x7e) ? String.format("\\u%04x", c) : String.valueOf((char) c))
			.collect(Collectors.joining());
	}

}
