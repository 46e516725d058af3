package dev.dbplane.planetscale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Brings the catalogue and the configured organizations into the database once every bean
 * exists and before the web server takes requests, so no request sees an organization
 * missing.
 */
@Component
class PlanetScaleStartup implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(PlanetScaleStartup.class);

	private final Catalogue catalogue;

	private final Organizations organizations;

	private final PlanetScaleProperties properties;

	private final PlanetScaleCredentials credentials;

	PlanetScaleStartup(Catalogue catalogue, Organizations organizations, PlanetScaleProperties properties,
			PlanetScaleCredentials credentials) {
		this.catalogue = catalogue;
		this.organizations = organizations;
		this.properties = properties;
		this.credentials = credentials;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.catalogue.sync();
		for (var organization : this.properties.effectiveOrganizations()) {
			if (!this.organizations.ensure(organization)) {
				throw new IllegalStateException("Organization " + organization.name() + ": default-region "
						+ organization.defaultRegion() + " is not a region of the catalogue");
			}
			log.info("PlanetScale organization {} (default region {}, plan {})", organization.name(),
					organization.defaultRegion(), organization.plan());
		}
		declareCredentials();
	}

	/**
	 * Credentials declared in configuration are created or reset; with none declared and
	 * none stored, a service token for the first organization is generated and printed
	 * once on standard output, the only time its secret is shown.
	 */
	private void declareCredentials() {
		var declared = false;
		for (var config : this.properties.effectiveOrganizations()) {
			var id = this.organizations.idOf(config.name()).orElseThrow();
			if (config.serviceTokenId() != null && config.serviceToken() != null) {
				this.credentials.declareServiceToken(id, config.serviceTokenId(), config.serviceToken());
				declared = true;
			}
			if (config.accessToken() != null) {
				this.credentials.declareAccessToken(id, config.accessToken());
				declared = true;
			}
		}
		if (!declared && !this.credentials.anyExists()) {
			var first = this.properties.effectiveOrganizations().get(0);
			var organizationId = this.organizations.idOf(first.name()).orElseThrow();
			var issued = this.credentials.issueServiceToken(organizationId, "bootstrap", PlanetScaleAccesses.all(),
					null);
			System.out.println();
			System.out.println("dbplane generated the first PlanetScale service token (organization '" + first.name()
					+ "'); it is shown only now:");
			System.out.println("    Authorization: " + issued.id() + ":" + issued.secret());
			System.out.println();
		}
	}

}
