package dev.dbplane.planetscale;

import java.util.Collection;

import dev.dbplane.web.ApiException;

import org.springframework.stereotype.Component;

/**
 * What a calling credential may see and do. Another organization, and a database the
 * token has no access to, are indistinguishable from missing ones (404); a visible
 * resource whose operation needs an access the token lacks is 403.
 */
@Component
class Callers {

	private final PlanetScaleCredentials credentials;

	Callers(PlanetScaleCredentials credentials) {
		this.credentials = credentials;
	}

	void requireOrganization(PlanetScalePrincipal caller, Organization organization) {
		if (!organization.getId().equals(caller.organizationId())) {
			throw ApiException.notFound("Not Found");
		}
	}

	void requireOrganizationAccess(PlanetScalePrincipal caller, String access) {
		if (!caller.hasOrganizationAccess(access)) {
			throw forbidden(access);
		}
	}

	/**
	 * Requires that the caller can see the database (else 404) and, with {@code access},
	 * holds it (else 403). Accesses on single databases are read from the database for
	 * the request, so a grant made on another replica (the creator's, on a new database)
	 * counts at once.
	 */
	void requireDatabaseAccess(PlanetScalePrincipal caller, Database database, String access) {
		if (caller.seesAllDatabases() && (access == null || caller.hasOnAllDatabases(access))) {
			return;
		}
		var own = this.credentials.accessesOn(caller.tokenId(), database.getId());
		if (!caller.seesAllDatabases() && own.isEmpty()) {
			throw ApiException.notFound("Not Found");
		}
		if (access != null && !caller.hasOnAllDatabases(access) && !own.contains(access)) {
			throw forbidden(access);
		}
	}

	/**
	 * As {@link #requireDatabaseAccess}, for an operation any one of {@code accesses}
	 * allows.
	 */
	void requireAnyDatabaseAccess(PlanetScalePrincipal caller, Database database, Collection<String> accesses) {
		if (caller.seesAllDatabases() && accesses.stream().anyMatch(caller::hasOnAllDatabases)) {
			return;
		}
		var own = this.credentials.accessesOn(caller.tokenId(), database.getId());
		if (!caller.seesAllDatabases() && own.isEmpty()) {
			throw ApiException.notFound("Not Found");
		}
		if (accesses.stream().noneMatch((access) -> caller.hasOnAllDatabases(access) || own.contains(access))) {
			throw ApiException
				.forbidden("The service token does not have any of the " + String.join(", ", accesses) + " accesses");
		}
	}

	private static ApiException forbidden(String access) {
		return ApiException.forbidden("The service token does not have the " + access + " access");
	}

}
