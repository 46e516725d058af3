package dev.dbplane.web;

import org.junit.jupiter.api.Test;

import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.web.bind.WebDataBinder;

import static org.assertj.core.api.Assertions.assertThat;

class StringBindingUnitTests {

	@Test
	void whenTextIsBoundToAStringThenItIsWhatTheConversionServiceWouldHaveMade() {
		var withEditor = binder();
		new StringBinding().bindStringsAsTheyAre(withEditor);
		var withoutEditor = binder();
		assertThat(withEditor.findCustomEditor(String.class, null)).isNotNull();

		for (Object value : new Object[] { "my_db_schema", " spaced ", "", new String[] { "a", "b" },
				new String[] { "only" } }) {
			assertThat(withEditor.convertIfNecessary(value, String.class))
				.isEqualTo(withoutEditor.convertIfNecessary(value, String.class));
		}
		assertThat(withEditor.convertIfNecessary(new String[] { "a", "b" }, String.class)).isEqualTo("a,b");
		assertThat(withEditor.convertIfNecessary(null, String.class)).isNull();
	}

	private static WebDataBinder binder() {
		var binder = new WebDataBinder(null);
		binder.setConversionService(new DefaultFormattingConversionService());
		return binder;
	}

}
