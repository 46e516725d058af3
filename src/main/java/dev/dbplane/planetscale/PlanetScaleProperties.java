package dev.dbplane.planetscale;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The PlanetScale family's organizations and how long a new database stays pending.
 *
 * @param provisioningDelay how long a new database is {@code pending} before it is
 * {@code ready}; {@code 0} makes it ready at once
 * @param organizations organizations created at start-up when missing; when none is
 * configured, one named {@code dbplane} in {@code us-east} is
 */
@Validated
@ConfigurationProperties("dbplane.planetscale")
record PlanetScaleProperties(@DefaultValue("2s") @NotNull Duration provisioningDelay,
		@DefaultValue List<@Valid OrganizationConfig> organizations) {

	static final OrganizationConfig DEFAULT_ORGANIZATION = new OrganizationConfig("dbplane", "us-east", "scaler_pro",
			null, null, null, null);

	PlanetScaleProperties {
		if (provisioningDelay.isNegative()) {
			throw new IllegalArgumentException("dbplane.planetscale.provisioning-delay must not be negative");
		}
	}

	/** The configured organizations, or the default one when none is configured. */
	List<OrganizationConfig> effectiveOrganizations() {
		return this.organizations.isEmpty() ? List.of(DEFAULT_ORGANIZATION) : this.organizations;
	}

	/**
	 * One organization.
	 *
	 * @param name its name, as in {@code /v1/organizations/{name}}
	 * @param defaultRegion slug of the region new databases go to when they name none
	 * @param plan billing plan reported for the organization and its databases
	 * @param billingEmail reported billing address; {@code <name>@dbplane.invalid} when
	 * unset
	 * @param serviceTokenId id (12 lowercase characters) of a service token declared with
	 * every access, for CI and docker compose
	 * @param serviceToken its secret ({@code pscale_tkn_...})
	 * @param accessToken a Bearer token ({@code pscale_oauth_...}) declared as the
	 * organization's administrator
	 */
	record OrganizationConfig(@NotNull @Pattern(regexp = Names.PATTERN) String name,
			@DefaultValue("us-east") @NotNull String defaultRegion,
			@DefaultValue("scaler_pro") @NotNull @Pattern(regexp = "^[a-z0-9_]{1,64}$") String plan,
			String billingEmail, @Pattern(regexp = "^[a-z0-9]{12}$") String serviceTokenId, String serviceToken,
			String accessToken) {

		String effectiveBillingEmail() {
			return (this.billingEmail != null && !this.billingEmail.isBlank()) ? this.billingEmail
					: this.name + "@dbplane.invalid";
		}

	}

}
