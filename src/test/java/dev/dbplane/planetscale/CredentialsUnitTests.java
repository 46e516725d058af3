package dev.dbplane.planetscale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored forms of credentials against values computed elsewhere: MySQL's own
 * PASSWORD('password'), and a SCRAM-SHA-256 verifier worked out with Python's hashlib for
 * a fixed salt.
 */
class CredentialsUnitTests {

	@Test
	void whenHashingForMysqlThenItIsMysqlNativePasswordsStoredForm() {
		assertThat(Credentials.mysqlNativeHash("password")).isEqualTo("*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19");
	}

	@Test
	void whenMakingAScramVerifierThenItIsPostgresqlsStoredForm() {
		var salt = new byte[16];
		for (int i = 0; i < salt.length; i++) {
			salt[i] = (byte) i;
		}

		assertThat(Credentials.scramSha256Verifier("pscale_pw_example-secret", salt))
			.isEqualTo("SCRAM-SHA-256$4096:AAECAwQFBgcICQoLDA0ODw==$hfOs88xC1Ujg7rNLUzEH1gzb/7aeGFsUNzceM8q8WWY="
					+ ":hqnXSmzQwdCwNFvTKiD+FdCnS0A5H7pGX6oZjBal/cM=");
	}

	@Test
	void whenMakingTwoVerifiersOfOneSecretThenTheirSaltsDiffer() {
		assertThat(Credentials.scramSha256Verifier("same")).isNotEqualTo(Credentials.scramSha256Verifier("same"));
	}

	@Test
	void whenIssuingSecretsThenTheyArePlanetScaleShapedAndFresh() {
		assertThat(Credentials.newSecret()).matches("^pscale_pw_[A-Za-z0-9]{43}$")
			.isNotEqualTo(Credentials.newSecret());
	}

}
