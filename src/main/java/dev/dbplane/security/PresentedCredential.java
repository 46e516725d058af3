package dev.dbplane.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A credential as it arrived in a request, before it is checked. Its secret is dropped as
 * soon as authentication is over.
 */
final class PresentedCredential extends AbstractAuthenticationToken {

	enum Kind {

		/** {@code x-api-key: pat.<account>.<id>.<secret>} */
		HARNESS_API_KEY,
		/** {@code Authorization: <id>:<secret>} */
		SERVICE_TOKEN,
		/** {@code Authorization: Bearer <token>} */
		BEARER

	}

	private final Kind kind;

	private String value;

	PresentedCredential(Kind kind, String value) {
		super(List.of());
		this.kind = kind;
		this.value = value;
	}

	Kind kind() {
		return this.kind;
	}

	String value() {
		return this.value;
	}

	@Override
	public Object getCredentials() {
		return this.value;
	}

	@Override
	public Object getPrincipal() {
		return this.kind;
	}

	@Override
	public void eraseCredentials() {
		super.eraseCredentials();
		this.value = null;
	}

	@Override
	public String toString() {
		return "PresentedCredential[" + this.kind + "]";
	}

}
