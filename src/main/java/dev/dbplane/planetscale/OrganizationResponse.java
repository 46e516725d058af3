package dev.dbplane.planetscale;

import java.util.Map;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * PlanetScale's {@code Organization}. Billing and single sign-on do not exist in dbplane:
 * they read as a paid-up organization without SSO.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record OrganizationResponse(String id, String name, String billingEmail, String createdAt, String updatedAt,
		String plan, boolean validBillingInfo, boolean sso, boolean ssoDirectory, boolean singleTenancy,
		boolean managedTenancy, Boolean hasPastDueInvoices, long databaseCount, String ssoPortalUrl,
		Map<String, Object> features, boolean idpManagedRoles, String invoiceBudgetAmount, int keyspaceShardLimit,
		boolean hasCard, boolean paymentInfoRequired) {

	static OrganizationResponse from(Organization organization, long databaseCount) {
		return new OrganizationResponse(organization.getId(), organization.getName(), organization.getBillingEmail(),
				Timestamps.format(organization.getCreatedAt()), Timestamps.format(organization.getUpdatedAt()),
				organization.getPlan(), true, false, false, false, false, false, databaseCount, null, Map.of(), false,
				"0", 1, false, false);
	}

}
