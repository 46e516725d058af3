package dev.dbplane.security;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Checks {@code x-api-key}; its permissions become {@code harness:*} authorities. */
@Component
class HarnessApiKeyAuthenticationProvider implements AuthenticationProvider {

	private final HarnessApiKeys keys;

	HarnessApiKeyAuthenticationProvider(HarnessApiKeys keys) {
		this.keys = keys;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		var presented = (PresentedCredential) authentication;
		if (presented.kind() != PresentedCredential.Kind.HARNESS_API_KEY) {
			return null;
		}
		java.util.Optional<HarnessPrincipal> found;
		try {
			found = this.keys.authenticate(presented.value());
		}
		catch (DataAccessException | TransactionException ex) {
			throw new AuthenticationServiceException("Credential store unavailable", ex);
		}
		var principal = found.orElseThrow(() -> new BadCredentialsException("Invalid API key"));
		var authorities = principal.permissions()
			.stream()
			.map((p) -> new SimpleGrantedAuthority(p.authority()))
			.toList();
		return new CallerAuthentication(principal, authorities);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return PresentedCredential.class.isAssignableFrom(authentication);
	}

}
