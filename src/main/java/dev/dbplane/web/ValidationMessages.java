package dev.dbplane.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * Turns Bean Validation failures into one message that names every offending field, such
 * as {@code "identifier: must match ^[a-zA-Z_][0-9a-zA-Z_$]{0,127}$; name: must not be
 * blank"}.
 */
public final class ValidationMessages {

	private ValidationMessages() {
	}

	public static String of(MethodArgumentNotValidException ex) {
		return join(describe(ex.getBindingResult()));
	}

	public static String of(HandlerMethodValidationException ex) {
		var parts = new ArrayList<String>();
		for (var result : ex.getParameterValidationResults()) {
			if (result instanceof org.springframework.validation.method.ParameterErrors errors) {
				parts.addAll(describe(errors));
			}
			else {
				var name = parameterName(result.getMethodParameter());
				for (MessageSourceResolvable error : result.getResolvableErrors()) {
					parts.add(name + ": " + error.getDefaultMessage());
				}
			}
		}
		return join(parts);
	}

	private static String parameterName(org.springframework.core.MethodParameter parameter) {
		var pathVariable = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
		if (pathVariable != null && !pathVariable.value().isEmpty()) {
			return pathVariable.value();
		}
		var requestParam = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
		if (requestParam != null && !requestParam.value().isEmpty()) {
			return requestParam.value();
		}
		return parameter.getParameterName();
	}

	private static List<String> describe(org.springframework.validation.Errors errors) {
		var parts = new ArrayList<String>();
		for (var error : errors.getAllErrors()) {
			if (error instanceof FieldError fieldError && fieldError.isBindingFailure()) {
				// The default message of a conversion failure quotes the exception; never
				// show it.
				parts.add(fieldError.getField() + ": has an invalid value");
			}
			else if (error instanceof FieldError fieldError) {
				parts.add(fieldError.getField() + ": " + fieldError.getDefaultMessage());
			}
			else {
				parts.add(error.getDefaultMessage());
			}
		}
		return parts;
	}

	/**
	 * One message per field (the first in alphabetical order), fields in alphabetical
	 * order.
	 */
	private static String join(List<String> parts) {
		var byField = new java.util.TreeMap<String, String>();
		for (var part : parts) {
			var colon = part.indexOf(": ");
			var field = (colon > 0) ? part.substring(0, colon) : part;
			byField.merge(field, part, (a, b) -> (a.compareTo(b) <= 0) ? a : b);
		}
		return String.join("; ", byField.values());
	}

}
