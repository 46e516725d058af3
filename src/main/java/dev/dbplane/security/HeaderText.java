package dev.dbplane.security;

/**
 * What Spring Security's strict firewall lets through in header names and values and in
 * parameter names, checked a character at a time: assigned Unicode characters that are
 * not control characters (a tab is allowed in values). The firewall's own predicates run
 * the regular expressions {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} and
 * {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*} on every header it hands out, several
 * times per request; with the same answers, these took that regex work (about a twentieth
 * of a request's CPU on Java 17, in a profile of Harness creates) off every request.
 */
final class HeaderText {

	private HeaderText() {
	}

	/** A header or parameter name the firewall allows. */
	static boolean isAllowedName(String text) {
		return isAllowed(text, false);
	}

	/** A header value the firewall allows. */
	static boolean isAllowedValue(String text) {
		return isAllowed(text, true);
	}

	private static boolean isAllowed(String text, boolean tab) {
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			if (c < 0x20 || c >= 0x7F) {
				int type = Character.getType(c);
				if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && c == '\t'))) {
					return false;
				}
			}
			i += Character.charCount(c);
		}
		return true;
	}

}
