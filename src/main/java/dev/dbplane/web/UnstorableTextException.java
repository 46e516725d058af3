package dev.dbplane.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string holds a NUL character or an unpaired surrogate: PostgreSQL cannot store
 * the first, and the second would come back as {@code ?}.
 */
class UnstorableTextException extends MismatchedInputException {

	UnstorableTextException(JsonParser parser) {
		super(parser, "Text contains a NUL character or an unpaired surrogate", String.class);
	}

	static boolean isStorable(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\0') {
				return false;
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

}
