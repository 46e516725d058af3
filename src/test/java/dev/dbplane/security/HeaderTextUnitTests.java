package dev.dbplane.security;

import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HeaderText} answers what Spring Security's strict firewall answers with its own
 * regular expressions (copied here from its defaults, as the reference).
 */
class HeaderTextUnitTests {

	private static final Pattern FIREWALL_NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	private static final Pattern FIREWALL_VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	@Property(tries = 3000)
	void namesAndValuesAreAllowedExactlyWhenTheFirewallAllowsThem(@ForAll("text") String text) {
		assertThat(HeaderText.isAllowedName(text)).as("name %s", escaped(text))
			.isEqualTo(FIREWALL_NAMES.matcher(text).matches());
		assertThat(HeaderText.isAllowedValue(text)).as("value %s", escaped(text))
			.isEqualTo(FIREWALL_VALUES.matcher(text).matches());
	}

	@Test
	void examples() {
		assertThat(HeaderText.isAllowedName("x-api-key")).isTrue();
		assertThat(HeaderText.isAllowedValue("Bearer abc\tdef \u00e9\ud83d\ude00")).isTrue();
		assertThat(HeaderText.isAllowedName("a\tb")).isFalse();
		assertThat(HeaderText.isAllowedValue("a\u0001b")).isFalse();
		assertThat(HeaderText.isAllowedValue("a\u007fb")).isFalse();
		assertThat(HeaderText.isAllowedValue("a\u0085b")).isFalse();
		assertThat(HeaderText.isAllowedValue("a\u0378b")).as("unassigned").isFalse();
		assertThat(HeaderText.isAllowedValue("\ud800")).as("a lone surrogate is assigned").isTrue();
		assertThat(HeaderText.isAllowedValue("")).isTrue();
	}

	/**
	 * Mostly printable text, with control, unassigned, surrogate and astral characters.
	 */
	@Provide
	Arbitrary<String> text() {
		var special = Arbitraries.of('\t', '\n', '\r', '\u0000', '\u001f', '\u007f', '\u0085', '\u009f', '\u00a0',
				'\u0378', '\u2028', '\ud800', '\udc00', '\ud83d', '\ude00', '\ufffe', '\uffff', '\u0e3b');
		var chars = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.chars().range(' ', '~')),
				Tuple.of(3, Arbitraries.chars()), Tuple.of(2, special));
		return chars.list().ofMaxSize(12).map((list) -> {
			var builder = new StringBuilder();
			list.forEach(builder::append);
			return builder.toString();
		});
	}

	private static String escaped(String text) {
		var builder = new StringBuilder();
		text.chars().forEach((c) -> builder.append(String.format("\\u%04x", c)));
		return builder.toString();
	}

}
