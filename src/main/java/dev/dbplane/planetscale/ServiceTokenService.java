package dev.dbplane.planetscale;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import dev.dbplane.web.ApiException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service tokens of an organization: issuing, listing, deleting, granting and
 * revoking accesses. A service token may grant only accesses it holds itself; a Bearer
 * token may grant any.
 */
@Service
class ServiceTokenService {

	/** The length of {@code planetscale_service_token.name}. */
	private static final int MAX_NAME_LENGTH = 255;

	/** Far enough to mean never, near enough that the expiry is a timestamp. */
	private static final long MAX_TTL_SECONDS = 100L * 365 * 24 * 3600;

	private final Organizations organizations;

	private final DatabaseRepository databases;

	private final Clock clock;

	private final PlanetScaleCredentials credentials;

	private final Callers callers;

	private final BaseUrl baseUrl;

	ServiceTokenService(Organizations organizations, DatabaseRepository databases, PlanetScaleCredentials credentials,
			Callers callers, BaseUrl baseUrl, Clock clock) {
		this.clock = clock;
		this.organizations = organizations;
		this.databases = databases;
		this.credentials = credentials;
		this.callers = callers;
		this.baseUrl = baseUrl;
	}

	@Transactional
	ServiceTokenResponse create(PlanetScalePrincipal caller, String organizationName,
			ServiceTokenCreateRequest request) {
		var organization = this.organizations.find(caller, organizationName);
		this.callers.requireOrganizationAccess(caller, PlanetScaleAccesses.WRITE_SERVICE_TOKENS);
		if (request != null && request.ttl() != null && (request.ttl() <= 0 || request.ttl() > MAX_TTL_SECONDS)) {
			throw ApiException.invalid("ttl must be greater than 0 and at most " + MAX_TTL_SECONDS + " (100 years)");
		}
		if (request != null && request.name() != null && request.name().length() > MAX_NAME_LENGTH) {
			throw ApiException.invalid("name must be at most " + MAX_NAME_LENGTH + " characters");
		}
		var ttl = (request != null && request.ttl() != null) ? Duration.ofSeconds(request.ttl()) : null;
		var name = (request != null) ? request.name() : null;
		var issued = this.credentials.issueServiceToken(organization.getId(), name, List.of(), ttl);
		var token = this.credentials.find(organization.getId(), issued.id()).orElseThrow();
		return ServiceTokenResponse.from(token, issued.secret(), List.of());
	}

	@Transactional(readOnly = true)
	CountedListResponse<ServiceTokenResponse> list(PlanetScalePrincipal caller, String organizationName,
			PageQuery query) {
		var organization = this.organizations.find(caller, organizationName);
		this.callers.requireOrganizationAccess(caller, PlanetScaleAccesses.READ_SERVICE_TOKENS);
		var all = this.credentials.list(organization.getId());
		var items = query.slice(all)
			.stream()
			.map((token) -> ServiceTokenResponse.from(token, null, accesses(organization, token.id())))
			.toList();
		return CountedListResponse.of(items, all.size(), query, PageLinks.of(this.baseUrl.current(),
				"/v1/organizations/" + organization.getName() + "/service-tokens"));
	}

	@Transactional(readOnly = true)
	ServiceTokenResponse get(PlanetScalePrincipal caller, String organizationName, String id) {
		var organization = this.organizations.find(caller, organizationName);
		this.callers.requireOrganizationAccess(caller, PlanetScaleAccesses.READ_SERVICE_TOKENS);
		var token = this.credentials.find(organization.getId(), id)
			.orElseThrow(() -> ApiException.notFound("Not Found"));
		return ServiceTokenResponse.from(token, null, accesses(organization, id));
	}

	@Transactional
	void delete(PlanetScalePrincipal caller, String organizationName, String id) {
		var organization = this.organizations.find(caller, organizationName);
		this.callers.requireOrganizationAccess(caller, PlanetScaleAccesses.DELETE_SERVICE_TOKENS);
		if (!this.credentials.delete(organization.getId(), id)) {
			throw ApiException.notFound("Not Found");
		}
	}

	@Transactional(readOnly = true)
	List<ServiceTokenAccessResponse> accesses(PlanetScalePrincipal caller, String organizationName, String id) {
		var organization = this.organizations.find(caller, organizationName);
		this.callers.requireOrganizationAccess(caller, PlanetScaleAccesses.READ_SERVICE_TOKENS);
		requireToken(organization, id);
		return accesses(organization, id);
	}

	@Transactional
	List<ServiceTokenAccessResponse> grant(PlanetScalePrincipal caller, String organizationName, String id,
			ServiceTokenAccessRequest request) {
		var organization = this.organizations.find(caller, organizationName);
		this.callers.requireOrganizationAccess(caller, PlanetScaleAccesses.WRITE_SERVICE_TOKENS);
		requireToken(organization, id);
		var databaseId = resolve(organization, request);
		var ownOnDatabase = (databaseId != null && !caller.bearer())
				? this.credentials.accessesOn(caller.tokenId(), databaseId) : java.util.Set.<String>of();
		for (var access : request.access()) {
			var held = PlanetScaleAccesses.isDatabaseLevel(access)
					? (caller.hasOnAllDatabases(access) || ownOnDatabase.contains(access))
					: caller.hasOrganizationAccess(access);
			if (!caller.bearer() && !held) {
				throw ApiException.forbidden("A service token can only grant accesses it holds; missing " + access);
			}
		}
		this.credentials.grant(id, request.access(), databaseId);
		return accesses(organization, id);
	}

	@Transactional
	void revoke(PlanetScalePrincipal caller, String organizationName, String id, ServiceTokenAccessRequest request) {
		var organization = this.organizations.find(caller, organizationName);
		this.callers.requireOrganizationAccess(caller, PlanetScaleAccesses.WRITE_SERVICE_TOKENS);
		requireToken(organization, id);
		this.credentials.revoke(id, request.access(), resolve(organization, request));
	}

	private void requireToken(Organization organization, String id) {
		if (this.credentials.find(organization.getId(), id).isEmpty()) {
			throw ApiException.notFound("Not Found");
		}
	}

	/**
	 * Checks the access names and returns the database's id, or null for
	 * organization-wide.
	 */
	private String resolve(Organization organization, ServiceTokenAccessRequest request) {
		if (request == null || request.access() == null || request.access().isEmpty()) {
			throw ApiException.invalid("access can't be blank");
		}
		var problems = new ArrayList<String>();
		var named = request.database() != null && !request.database().isBlank();
		for (var access : request.access()) {
			if (access == null || !PlanetScaleAccesses.isKnown(access)) {
				problems.add("access " + abbreviate(String.valueOf(access)) + " is not a known access");
			}
			else if (named && !PlanetScaleAccesses.isDatabaseLevel(access)) {
				problems.add("access " + access + " applies to the organization, not to a database");
			}
		}
		if (!problems.isEmpty()) {
			throw ApiException.invalid(String.join("; ", problems));
		}
		if (!named) {
			return null;
		}
		return this.databases.findIdByOrganizationAndName(organization.getId(), request.database())
			.orElseThrow(() -> ApiException.notFound("Not Found"));
	}

	private List<ServiceTokenAccessResponse> accesses(Organization organization, String tokenId) {
		var names = new HashMap<String, Database>();
		var result = new ArrayList<ServiceTokenAccessResponse>();
		for (var access : this.credentials.accesses(tokenId)) {
			ServiceTokenAccessResponse.Resource resource;
			String type;
			if (access.databaseId() == null) {
				type = "Organization";
				resource = new ServiceTokenAccessResponse.Resource(organization.getId(), organization.getName(),
						Timestamps.format(organization.getCreatedAt()), Timestamps.format(organization.getUpdatedAt()),
						null);
			}
			else {
				var database = names.computeIfAbsent(access.databaseId(),
						(databaseId) -> this.databases.findById(databaseId).orElse(null));
				if (database == null) {
					continue;
				}
				type = "Database";
				resource = new ServiceTokenAccessResponse.Resource(database.getId(), database.getName(),
						Timestamps.format(database.getCreatedAt()),
						Timestamps.format(database.updatedAtAsOf(this.clock.instant())), null);
			}
			var granted = PlanetScaleAccesses.EVERY.equals(access.access())
					? PlanetScaleAccesses.DATABASE_LEVEL.keySet() : java.util.Set.of(access.access());
			for (var name : granted) {
				result.add(new ServiceTokenAccessResponse(access.id(), "ServiceTokenAccess", name,
						PlanetScaleAccesses.describe(name), resource.name(), resource.id(), type, resource));
			}
		}
		return result;
	}

	private static String abbreviate(String text) {
		return (text.length() > 64) ? text.substring(0, 64) + "..." : text;
	}

}
