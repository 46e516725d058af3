package dev.dbplane.security;

/**
 * What a Harness API key may do in its account. {@code operator} keys may also create
 * accounts.
 */
public enum HarnessPermission {

	/** Read schemas and instances. */
	view,
	/** Create and update schemas and instances. */
	edit,
	/** Delete schemas and instances. */
	delete,
	/** Issue, list and revoke the account's API keys. */
	admin,
	/** Create accounts (the bootstrap key of an installation). */
	operator;

	public String authority() {
		return "harness:" + name();
	}

}
