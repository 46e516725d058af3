package dev.dbplane.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's whitelabel error body for failures that happen outside Spring MVC (in a
 * filter or in the servlet container) with the family's error shape.
 */
@Hidden
@RestController
class FamilyErrorController implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<Object> error(HttpServletRequest request) {
		var status = HttpStatus.resolve(statusOf(request));
		if (status == null || status.value() < 400) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		var uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		var message = status.is5xxServerError() ? "internal error" : status.getReasonPhrase();
		return ErrorFamily.ofPath(uri).response(status, message);
	}

	private static int statusOf(HttpServletRequest request) {
		var status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		return status instanceof Integer code ? code : 500;
	}

}
