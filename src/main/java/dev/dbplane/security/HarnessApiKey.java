package dev.dbplane.security;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A Harness API key as stored. The secret is never stored, only its hash; revoking keeps
 * the row so that a list shows when it happened.
 */
record HarnessApiKey(String id, String accountId, String type, String name, String secretHash,
		Set<HarnessPermission> permissions, Instant createdAt, Instant revokedAt) {

	boolean isRevoked() {
		return this.revokedAt != null;
	}

	/** The stored form: names sorted and separated by spaces. */
	static String columnOf(Set<HarnessPermission> permissions) {
		return permissions.stream().map(Enum::name).sorted().collect(Collectors.joining(" "));
	}

	static Set<HarnessPermission> permissionsOf(String column) {
		var set = EnumSet.noneOf(HarnessPermission.class);
		Arrays.stream(column.split(" "))
			.filter((p) -> !p.isEmpty())
			.forEach((p) -> set.add(HarnessPermission.valueOf(p)));
		return set;
	}

}
