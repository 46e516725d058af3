package dev.dbplane.harness;

import dev.dbplane.web.ApiException;

/**
 * The revision an instance deploys: a branch, a commit or a tag, at most one of them. A
 * request that names none leaves the stored revision alone.
 */
record Revision(String branch, String commitSha, String gitTag) {

	Revision {
		int given = count(branch) + count(commitSha) + count(gitTag);
		if (given > 1) {
			throw ApiException.invalid("branch, commitSha, gitTag: these are mutually exclusive; set only one of them");
		}
	}

	/**
	 * Whether the request names a revision at all (an empty string counts: it clears).
	 */
	boolean isGiven() {
		return this.branch != null || this.commitSha != null || this.gitTag != null;
	}

	private static int count(String value) {
		return (value == null || value.isEmpty()) ? 0 : 1;
	}

}
