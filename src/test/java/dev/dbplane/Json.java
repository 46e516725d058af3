package dev.dbplane;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Small readers for asserting on exact wire shapes. */
public final class Json {

	private Json() {
	}

	/** The property names of a JSON object, in document order. */
	public static List<String> names(JsonNode node) {
		return new ArrayList<>(node.propertyNames());
	}

}
