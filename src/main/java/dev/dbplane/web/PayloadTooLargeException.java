package dev.dbplane.web;

import java.io.IOException;

/** A request body grew past the configured limit while it was being read. */
class PayloadTooLargeException extends IOException {

	PayloadTooLargeException(long limit) {
		super("Request body exceeds " + limit + " bytes");
	}

}
