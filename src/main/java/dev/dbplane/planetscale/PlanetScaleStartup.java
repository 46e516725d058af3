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

	PlanetScaleStartup(Catalogue catalogue, Organizations organizations, PlanetScaleProperties properties) {
		this.catalogue = catalogue;
		this.organizations = organizations;
		this.properties = properties;
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
	}

}
