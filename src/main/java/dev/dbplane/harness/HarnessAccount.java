package dev.dbplane.harness;

/**
 * The account a Harness request acts in. Every schema and instance belongs to exactly one
 * account.
 */
record HarnessAccount(String id) {
}
