package dev.dbplane.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Credentials of a fresh installation and how long credential checks are cached.
 *
 * @param harnessApiKey a Harness API key ({@code pat.<account>.<id>.<secret>}) that is
 * created with every permission, its account too, when missing; fixed credentials for CI
 * and docker compose
 * @param planetscaleOrganization an organization created at start-up when missing
 * @param planetscaleServiceTokenId the id (12 characters) of a service token created in
 * that organization with every access
 * @param planetscaleServiceToken its secret ({@code pscale_tkn_...})
 * @param credentialCacheTtl how long a credential lookup is reused; a revoked credential
 * stops working on other replicas within this time ({@code 0} disables the cache)
 */
@ConfigurationProperties("dbplane.security")
public record SecurityProperties(String harnessApiKey, String planetscaleOrganization, String planetscaleServiceTokenId,
		String planetscaleServiceToken, @DefaultValue("5s") Duration credentialCacheTtl) {
}
