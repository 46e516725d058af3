package dev.dbplane;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

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

	/**
	 * Bodies that are not JSON, derived from a valid one: cut short, control characters
	 * and bad escapes inside strings, invalid tokens and structure, a form and an XML
	 * document, and bytes that are not UTF-8.
	 * @param unknownField a field name the endpoint ignores, to carry invalid tokens
	 * @param extraBadUtf8 more invalid byte sequences to splice into strings
	 */
	public static Arbitrary<byte[]> malformed(String json, String unknownField, String form, String xml,
			byte[]... extraBadUtf8) {
		var inStrings = indexesInsideStrings(json);
		var prefix = Arbitraries.integers().between(1, json.length() - 1).map((n) -> json.substring(0, n));
		var controlChar = Combinators.combine(Arbitraries.of(inStrings), Arbitraries.chars().range('\0', '\u001f'))
			.as((at, c) -> json.substring(0, at) + c + json.substring(at));
		var badEscape = Combinators
			.combine(Arbitraries.of(inStrings), Arbitraries.of("\\x41", "\\u12G", "\\uZZZZ", "\\'", "\\U0041", "\\0"))
			.as((at, escape) -> json.substring(0, at) + escape + json.substring(at));
		var badToken = Arbitraries
			.of("NaN", "Infinity", "-Infinity", "01", ".5", "+1", "0x10", "'single'", "undefined", "[1,]", "{,}", "tru",
					"nul", "\"unterminated", "1e", "--1", "{\"a\" 1}", "[1 2]")
			.map((token) -> json.replaceFirst("\\{", "{\"" + unknownField + "\": " + token + ","));
		var badStructure = Arbitraries.of(json.replaceFirst(":", "="), json.replaceFirst(",", ";"),
				json.substring(0, json.length() - 1) + ",}", json + "x", json + "]", "//comment\n" + json,
				"/* comment */" + json, json.replaceFirst("\"", "'"), json.replace("\"", "'"),
				json.replaceFirst("\\{\"", "{"), "{" + json, json.replaceFirst(":", "::"), form, xml, "x" + json,
				"\u00ef\u00bb\u00bf" + json);
		var asText = Arbitraries.oneOf(prefix, controlChar, badEscape, badToken, badStructure)
			.map((text) -> text.getBytes(StandardCharsets.UTF_8));
		var sequences = new ArrayList<byte[]>(List.of(new byte[] { (byte) 0xff }, new byte[] { (byte) 0xc3, 0x28 },
				new byte[] { (byte) 0x80 }, new byte[] { (byte) 0xc0, (byte) 0x80 },
				new byte[] { (byte) 0xed, (byte) 0xa0, (byte) 0x80 }, new byte[] { (byte) 0xe2, (byte) 0x82 }));
		sequences.addAll(List.of(extraBadUtf8));
		var badUtf8 = Combinators.combine(Arbitraries.of(inStrings), Arbitraries.of(sequences))
			.as((at, bytes) -> splice(json.getBytes(StandardCharsets.UTF_8), at, bytes));
		return Arbitraries.oneOf(asText, badUtf8);
	}

}
