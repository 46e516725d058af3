package dev.dbplane.security;

import java.util.Set;

/**
 * The caller behind a valid PlanetScale credential: a service token with its accesses, or
 * a Bearer access token, which acts as the organization's administrator.
 *
 * @param organizationId the organization the credential belongs to
 * @param organizationName its name
 * @param tokenId the service token's id ({@code null} for a Bearer token)
 * @param organizationAccesses organization-level accesses
 * @param allDatabaseAccesses database-level accesses granted for every database of the
 * organization; accesses on single databases are looked up when a request names one
 */
public record PlanetScalePrincipal(String organizationId, String organizationName, String tokenId, boolean bearer,
		Set<String> organizationAccesses, Set<String> allDatabaseAccesses) {

	public boolean hasOrganizationAccess(String access) {
		return this.bearer || this.organizationAccesses.contains(access);
	}

	/** Whether any database-level access reaches every database of the organization. */
	public boolean seesAllDatabases() {
		return this.bearer || !this.allDatabaseAccesses.isEmpty();
	}

	/** Whether an access reaches every database of the organization. */
	public boolean hasOnAllDatabases(String access) {
		return this.bearer || this.allDatabaseAccesses.contains(access);
	}

	@Override
	public String toString() {
		return "organization:" + this.organizationName;
	}

}
