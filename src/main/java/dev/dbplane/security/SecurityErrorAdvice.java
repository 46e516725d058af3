package dev.dbplane.security;

import dev.dbplane.web.ApiException;
import dev.dbplane.web.ErrorFamily;
import dev.dbplane.web.ValidationMessages;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * dbplane's own administration endpoints answer in the Harness shape,
 * {@code {"message"}}.
 */
@RestControllerAdvice(assignableTypes = ApiKeyController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityErrorAdvice {

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Object> apiException(ApiException ex) {
		var status = switch (ex.kind()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case DUPLICATE -> HttpStatus.CONFLICT;
			case INVALID -> HttpStatus.BAD_REQUEST;
		};
		return ErrorFamily.HARNESS.response(status, ex.getMessage());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<Object> invalidBody(MethodArgumentNotValidException ex) {
		return ErrorFamily.HARNESS.response(HttpStatus.BAD_REQUEST, ValidationMessages.of(ex));
	}

}
