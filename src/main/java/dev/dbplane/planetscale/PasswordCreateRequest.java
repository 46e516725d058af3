package dev.dbplane.planetscale;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST .../passwords}. pscale sends {@code name}, {@code role} (admin
 * by default), {@code ttl} and {@code replica}; Terraform sends {@code cidrs} too.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApiDocsSnakeCase
record PasswordCreateRequest(String name, String role, Boolean replica, Integer ttl, List<String> cidrs,
		Boolean directVtgate) {

	static final Set<String> ROLES = Set.of("reader", "writer", "admin", "readwriter");

	static final int MAX_NAME_LENGTH = 255;

	static final int MAX_CIDRS = 100;

	/** A TTL of at most ten years, in seconds. */
	static final int MAX_TTL = 10 * 366 * 24 * 3600;

	private static final Pattern IPV4_CIDR = Pattern.compile(
			"^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)/(3[0-2]|[12]?\\d)$");

	private static final Pattern IPV6_CIDR = Pattern.compile("^[0-9a-fA-F:]{2,39}/(12[0-8]|1[01]\\d|[1-9]?\\d)$");

	String effectiveRole() {
		return (this.role != null) ? this.role : "admin";
	}

	void check(List<String> problems) {
		checkName(this.name, problems);
		if (this.role != null && !ROLES.contains(this.role)) {
			problems.add("role must be one of reader, writer, admin, readwriter");
		}
		if (this.ttl != null && (this.ttl < 0 || this.ttl > MAX_TTL)) {
			problems.add("ttl must be between 0 and " + MAX_TTL + " seconds");
		}
		checkCidrs(this.cidrs, problems);
	}

	/** A TTL of 0 is none. */
	Integer effectiveTtl() {
		return (this.ttl != null && this.ttl > 0) ? this.ttl : null;
	}

	static void checkName(String name, List<String> problems) {
		if (name != null && name.isBlank()) {
			problems.add("Name can't be blank");
		}
		else if (name != null && name.length() > MAX_NAME_LENGTH) {
			problems.add("Name must be at most " + MAX_NAME_LENGTH + " characters");
		}
	}

	static void checkCidrs(List<String> cidrs, List<String> problems) {
		if (cidrs == null) {
			return;
		}
		if (cidrs.size() > MAX_CIDRS) {
			problems.add("cidrs must have at most " + MAX_CIDRS + " entries");
			return;
		}
		for (var cidr : cidrs) {
			if (cidr == null || !(IPV4_CIDR.matcher(cidr).matches() || IPV6_CIDR.matcher(cidr).matches())) {
				problems.add("cidrs must be IP address ranges such as 203.0.113.0/24");
				return;
			}
		}
	}

}
