package dev.dbplane.web;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Binds text to {@code String} parameters (path variables, query parameters) as it is,
 * without asking the conversion service. That service would do the same, but finding its
 * converter compares the parameter's annotations reflectively with those of every other
 * {@code String} parameter it has seen (its cache keys hash by type alone): with the
 * Swagger annotations on the path variables that was 7 to 8% of the CPU time of a create
 * (async-profiler, Harness creates at 32 connections). Several values of one parameter
 * still become one comma-separated text, as the conversion service made them.
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
