package dev.dbplane.security;

import java.util.Set;

/** The caller behind a valid Harness API key: its account and what the key may do. */
public record HarnessPrincipal(String accountId, String keyId, Set<HarnessPermission> permissions) {

	public boolean has(HarnessPermission permission) {
		return this.permissions.contains(permission);
	}

}
