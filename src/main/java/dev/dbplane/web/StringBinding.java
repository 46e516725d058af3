package dev.dbplane.web;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Binds text to {@code String} parameters (path variables, query parameters) as it is,
 * without asking the conversion service. That service would do the same, but finding its
 * converter compares the parameter's annotations reflectively with those of every other
 * {@code String} parameter it has seen (its cache keys hash by type alone), which with
 * the Swagger annotations on the path variables was a visible share of a create's CPU
 * time in a profile (README, benchmark section). Several values of one parameter still
 * become one comma-separated text, as the conversion service made them.
 */
@ControllerAdvice
class StringBinding {

	@InitBinder
	void bindStringsAsTheyAre(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new AsIs());
	}

	private static final class AsIs extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			setValue(text);
		}

	}

}
