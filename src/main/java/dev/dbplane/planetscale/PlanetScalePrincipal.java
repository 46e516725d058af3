package dev.dbplane.planetscale;

import java.util.Set;

/**
 * The caller behind a valid PlanetScale credential: a service token with its accesses, or
 * a Bearer access token, which acts as the organization's administrator. Controllers get
 * it as an argument ({@link PlanetScaleCallerResolver}) and hand it to the services,
 * which check it through {@link Callers}.
 *
 * @param organizationId the organization the credential belongs to
 * @param organizationName its name
 * @param tokenId the service token's id ({@code null} for a Bearer token)
 * @param organizationAccesses organization-level accesses
 * @param allDatabaseAccesses database-level accesses granted for every database of the
 * organization; accesses on single databases are looked up when a request names one
 */
record PlanetScalePrincipal(String organizationId, String organizationName, String tokenId, boolean bearer,
		Set<String> organizationAccesses, Set<String> allDatabaseAccesses) {

	/**
	 * The organization's administrator, as a Bearer token acts: every access, on every
	 * database.
	 */
	static PlanetScalePrincipal administrator(String organizationId, String organizationName) {
		return new PlanetScalePrincipal(organizationId, organizationName, null, true, Set.of(), Set.of());
	}

	boolean hasOrganizationAccess(String access) {
		return this.bearer || this.organizationAccesses.contains(access);
	}

	/** Whether any database-level access reaches every database of the organization. */
	boolean seesAllDatabases() {
		return this.bearer || !this.allDatabaseAccesses.isEmpty();
	}

	/** Whether an access reaches every database of the organization. */
	boolean hasOnAllDatabases(String access) {
		return this.bearer || this.allDatabaseAccesses.contains(access);
	}

	/**
	 * The service token that gets every access on what this caller creates: its own; null
	 * for a Bearer token, which needs none.
	 */
	String creatorTokenId() {
		return this.bearer ? null : this.tokenId;
	}

	@Override
	public String toString() {
		return "organization:" + this.organizationName;
	}

}
