package dev.dbplane.security;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks {@code Authorization: <id>:<secret>} (service token) and
 * {@code Authorization: Bearer}. Accesses depend on the organization and database a
 * request names, so the PlanetScale services check them; here the caller the family's
 * {@link PlanetScaleCredentialCheck} finds only becomes a {@code planetscale} principal.
 */
@Component
class PlanetScaleAuthenticationProvider implements AuthenticationProvider {

	static final String AUTHORITY = "planetscale";

	private final PlanetScaleCredentialCheck credentials;

	PlanetScaleAuthenticationProvider(PlanetScaleCredentialCheck credentials) {
		this.credentials = credentials;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		var presented = (PresentedCredential) authentication;
		Optional<?> principal;
		try {
			principal = switch (presented.kind()) {
				case SERVICE_TOKEN -> this.credentials.serviceToken(presented.value());
				case BEARER -> this.credentials.bearer(presented.value());
				default -> null;
			};
		}
		catch (DataAccessException | TransactionException ex) {
			throw new AuthenticationServiceException("Credential store unavailable", ex);
		}
		if (principal == null) {
			return null;
		}
		return new CallerAuthentication(
				principal.orElseThrow(() -> new BadCredentialsException("Invalid PlanetScale credential")),
				List.of(new SimpleGrantedAuthority(AUTHORITY)));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return PresentedCredential.class.isAssignableFrom(authentication);
	}

}
