package dev.dbplane.dataplane;

/**
 * A data-plane server could not answer what was asked of it at once (it is down, or
 * refused the connection): the request that asked gets 503, retry later.
 */
public class DataPlaneUnavailableException extends RuntimeException {

	DataPlaneUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
