package dev.dbplane.dataplane;

import dev.dbplane.web.Outages;

import org.springframework.stereotype.Component;

/** A data-plane server that cannot be asked is an outage, as the store's own is. */
@Component
class DataPlaneOutages implements Outages {

	@Override
	public boolean isOutage(Throwable failure) {
		for (var cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataPlaneUnavailableException) {
				return true;
			}
		}
		return false;
	}

}
