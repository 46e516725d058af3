package dev.dbplane.planetscale;

import dev.dbplane.security.PlanetScaleCredentials;
import dev.dbplane.security.PlanetScalePrincipal;
import dev.dbplane.web.ApiException;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the calling credential may see and do. Another organization, and a database the
 * token has no access to, are indistinguishable from missing ones (404); a visible
 * resource whose operation needs an access the token lacks is 403.
 */
@Component
class Callers {

	private final PlanetScaleCredentials credentials;

	Callers(PlanetScaleCredentials credentials) {
		this.credentials = credentials;
	}

	PlanetScalePrincipal current() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof PlanetScalePrincipal principal) {
			return principal;
		}
		throw new IllegalStateException("PlanetScale endpoint reached without a PlanetScale credential");
	}

	void requireOrganization(Organization organization) {
		if (!organization.getId().equals(current().organizationId())) {
			throw ApiException.notFound("Not Found");
		}
	}

	void requireOrganizationAccess(String access) {
		if (!current().hasOrganizationAccess(access)) {
			throw forbidden(access);
		}
	}

	/**
	 * The caller as it stands in the database now: a grant made on another replica (the
	 * creator's accesses on a new database) is seen at once, not after the credential
	 * cache expires.
	 */
	PlanetScalePrincipal fresh() {
		return this.credentials.reload(current()).orElseThrow(() -> ApiException.notFound("Not Found"));
	}

	void requireDatabaseAccess(Database database, String access) {
		var caller = current();
		if (!caller.canSee(database.getId()) || (access != null && !caller.has(database.getId(), access))) {
			caller = fresh();
		}
		if (!caller.canSee(database.getId())) {
			throw ApiException.notFound("Not Found");
		}
		if (access != null && !caller.has(database.getId(), access)) {
			throw forbidden(access);
		}
	}

	/** Gives the service token that created a database every access on it. */
	void grantCreator(Database database) {
		var caller = current();
		if (!caller.bearer()) {
			this.credentials.grantCreator(caller.tokenId(), database.getId());
		}
	}

	private static ApiException forbidden(String access) {
		return ApiException.forbidden("The service token does not have the " + access + " access");
	}

}
