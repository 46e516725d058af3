package dev.dbplane.planetscale;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import dev.dbplane.web.ApiException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organizations a caller may see. Every lookup of an organization named by a request
 * goes through {@link #find}, so that credentials can narrow it in one place.
 */
@Service
class Organizations {

	private final OrganizationRepository organizations;

	private final DatabaseRepository databases;

	private final Clock clock;

	private final BaseUrl baseUrl;

	private final Callers callers;

	Organizations(OrganizationRepository organizations, DatabaseRepository databases, Clock clock, BaseUrl baseUrl,
			Callers callers) {
		this.organizations = organizations;
		this.databases = databases;
		this.clock = clock;
		this.baseUrl = baseUrl;
		this.callers = callers;
	}

	/**
	 * The organization named {@code name} when it is the caller's, or a 404 that does not
	 * say whether it exists.
	 */
	@Transactional(readOnly = true)
	Organization find(PlanetScalePrincipal caller, String name) {
		var organization = this.organizations.findByName(name).orElseThrow(() -> ApiException.notFound("Not Found"));
		this.callers.requireOrganization(caller, organization);
		return organization;
	}

	/**
	 * {@link #find}, for reading the organization itself: needs
	 * {@code read_organization}.
	 */
	@Transactional(readOnly = true)
	Organization findReadable(PlanetScalePrincipal caller, String name) {
		var organization = find(caller, name);
		this.callers.requireOrganizationAccess(caller, PlanetScaleAccesses.READ_ORGANIZATION);
		return organization;
	}

	@Transactional(readOnly = true)
	OrganizationResponse get(PlanetScalePrincipal caller, String name) {
		var organization = findReadable(caller, name);
		return OrganizationResponse.from(organization, this.databases.countByOrganization(organization.getId()));
	}

	/** The organizations the caller's credential belongs to: one. */
	@Transactional(readOnly = true)
	ListResponse<OrganizationResponse> list(PlanetScalePrincipal caller, PageQuery query) {
		var own = this.organizations.findById(caller.organizationId()).stream().toList();
		long total = own.size();
		List<Organization> page = query.beyond(total) ? List.of() : own;
		var items = page.stream()
			.map((organization) -> OrganizationResponse.from(organization,
					this.databases.countByOrganization(organization.getId())))
			.toList();
		return ListResponse.of(items, total, query, PageLinks.of(this.baseUrl.current(), "/v1/organizations"));
	}

	/**
	 * Creates the organization when it is missing, or brings its settings in line with
	 * {@code config}. One atomic upsert, so replicas starting together cannot create it
	 * twice; the row changes only when a setting differs.
	 * @return false when the default region is not in the catalogue
	 */
	@Transactional
	boolean ensure(PlanetScaleProperties.OrganizationConfig config) {
		return this.organizations.ensure(config, this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
	}

	/**
	 * The id of the organization {@code name}, whoever asks: for start-up and demo data,
	 * which act for no caller.
	 */
	@Transactional(readOnly = true)
	Optional<String> idOf(String name) {
		return this.organizations.findByName(name).map(Organization::getId);
	}

}
