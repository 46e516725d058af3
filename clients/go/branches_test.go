package clients

import (
	"strings"
	"testing"
	"time"

	ps "github.com/planetscale/planetscale-go/planetscale"
)

// readyDatabase creates a database of the given kind and waits until it is ready.
func readyDatabase(t *testing.T, c *ps.Client, e env, prefix string, kind ps.DatabaseEngine,
	size string) string {
	t.Helper()
	name := uniqueName(prefix)
	if _, err := c.Databases.Create(ctx(t), &ps.CreateDatabaseRequest{Organization: e.org, Name: name,
		Kind: kind, ClusterSize: size}); err != nil {
		t.Fatalf("Databases.Create: %v", err)
	}
	waitReady(t, c, e.org, name)
	t.Cleanup(func() {
		_, _ = c.Databases.Delete(ctx(t), &ps.DeleteDatabaseRequest{Organization: e.org, Database: name})
	})
	return name
}

// waitBranchReady polls the branch as pscale's --wait does, until ready is true.
func waitBranchReady(t *testing.T, c *ps.Client, org, db, branch string) *ps.DatabaseBranch {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		b, err := c.DatabaseBranches.Get(ctx(t), &ps.GetDatabaseBranchRequest{Organization: org, Database: db,
			Branch: branch})
		if err != nil {
			t.Fatalf("DatabaseBranches.Get: %v", err)
		}
		if b.Ready {
			return b
		}
		if time.Now().After(deadline) {
			t.Fatalf("branch %s still not ready after a minute", branch)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// TestBranchLifecycle: a new database has main (production); a branch of it is created
// pending with an empty parent_branch, becomes ready, is listed, got, and deleted; safe
// migrations go on and off; a taken name and an unknown branch are typed errors.
func TestBranchLifecycle(t *testing.T) {
	e := loadEnv(t)
	c := client(t, e, e.tokenID, e.token)
	db := readyDatabase(t, c, e, "go-branches", ps.DatabaseEngineMySQL, "PS_10")

	branches, err := c.DatabaseBranches.List(ctx(t), &ps.ListDatabaseBranchesRequest{Organization: e.org,
		Database: db})
	if err != nil {
		t.Fatalf("DatabaseBranches.List: %v", err)
	}
	if len(branches) != 1 || branches[0].Name != "main" || !branches[0].Production {
		t.Fatalf("a new database has exactly main, in production: %+v", branches)
	}

	created, err := c.DatabaseBranches.Create(ctx(t), &ps.CreateDatabaseBranchRequest{Organization: e.org,
		Database: db, Name: "dev", ParentBranch: "", ClusterSize: "PS_DEV"})
	if err != nil {
		t.Fatalf("DatabaseBranches.Create: %v", err)
	}
	if created.Name != "dev" || created.ParentBranch != "main" || created.Production || created.Ready {
		t.Fatalf("created %+v", created)
	}
	if created.Region.Slug != "us-east" || created.Actor.ID != e.tokenID || created.CreatedAt.IsZero() {
		t.Fatalf("region, actor or created_at: %+v", created)
	}
	ready := waitBranchReady(t, c, e.org, db, "dev")
	if !ready.CreatedAt.Equal(created.CreatedAt) {
		t.Fatalf("Get disagrees with Create: %+v vs %+v", ready, created)
	}

	// A MySQL database has one keyspace, named as the database; a new branch has no tables.
	schemas, err := c.DatabaseBranches.Schema(ctx(t), &ps.BranchSchemaRequest{Organization: e.org, Database: db,
		Branch: "dev", Keyspace: db})
	if err != nil || schemas == nil || len(schemas) != 0 {
		t.Fatalf("DatabaseBranches.Schema: %+v, %v", schemas, err)
	}
	_, err = c.DatabaseBranches.Schema(ctx(t), &ps.BranchSchemaRequest{Organization: e.org, Database: db,
		Branch: "dev", Keyspace: "other"})
	wantCode(t, err, ps.ErrNotFound, "Not Found")
	// One unsharded keyspace per branch, named as the database.
	keyspaces, err := c.Keyspaces.List(ctx(t), &ps.ListKeyspacesRequest{Organization: e.org, Database: db,
		Branch: "dev"})
	if err != nil || len(keyspaces) != 1 || keyspaces[0].Name != db || keyspaces[0].Shards != 1 ||
		keyspaces[0].Sharded || !keyspaces[0].Ready || keyspaces[0].ClusterSize != "PS_DEV" {
		t.Fatalf("Keyspaces.List: %+v, %v", keyspaces, err)
	}
	keyspace, err := c.Keyspaces.Get(ctx(t), &ps.GetKeyspaceRequest{Organization: e.org, Database: db,
		Branch: "dev", Keyspace: db})
	if err != nil || keyspace.ID != keyspaces[0].ID || !keyspace.CreatedAt.Equal(ready.CreatedAt) ||
		keyspace.VReplicationFlags == nil || keyspace.ReplicationDurabilityConstraints == nil {
		t.Fatalf("Keyspaces.Get: %+v, %v", keyspace, err)
	}
	_, err = c.Keyspaces.Get(ctx(t), &ps.GetKeyspaceRequest{Organization: e.org, Database: db, Branch: "dev",
		Keyspace: "other"})
	wantCode(t, err, ps.ErrNotFound, "Not Found")
	// A branch starts with its parent's schema: no diff; a refresh has nothing to do.
	diffs, err := c.DatabaseBranches.Diff(ctx(t), &ps.DiffBranchRequest{Organization: e.org, Database: db,
		Branch: "dev"})
	if err != nil || diffs == nil || len(diffs) != 0 {
		t.Fatalf("DatabaseBranches.Diff: %+v, %v", diffs, err)
	}
	if err := c.DatabaseBranches.RefreshSchema(ctx(t), &ps.RefreshSchemaRequest{Organization: e.org,
		Database: db, Branch: "dev"}); err != nil {
		t.Fatalf("DatabaseBranches.RefreshSchema: %v", err)
	}

	enabled, err := c.DatabaseBranches.EnableSafeMigrations(ctx(t), &ps.EnableSafeMigrationsRequest{
		Organization: e.org, Database: db, Branch: "dev"})
	if err != nil || !enabled.SafeMigrations {
		t.Fatalf("EnableSafeMigrations: %+v, %v", enabled, err)
	}
	disabled, err := c.DatabaseBranches.DisableSafeMigrations(ctx(t), &ps.DisableSafeMigrationsRequest{
		Organization: e.org, Database: db, Branch: "dev"})
	if err != nil || disabled.SafeMigrations {
		t.Fatalf("DisableSafeMigrations: %+v, %v", disabled, err)
	}

	_, err = c.DatabaseBranches.Create(ctx(t), &ps.CreateDatabaseBranchRequest{Organization: e.org,
		Database: db, Name: "dev"})
	wantCode(t, err, ps.ErrRetry, "Name has already been taken")

	if err := c.DatabaseBranches.Delete(ctx(t), &ps.DeleteDatabaseBranchRequest{Organization: e.org,
		Database: db, Branch: "dev"}); err != nil {
		t.Fatalf("DatabaseBranches.Delete: %v", err)
	}
	_, err = c.DatabaseBranches.Get(ctx(t), &ps.GetDatabaseBranchRequest{Organization: e.org, Database: db,
		Branch: "dev"})
	wantCode(t, err, ps.ErrNotFound, "Not Found")
	db2, err := c.Databases.Get(ctx(t), &ps.GetDatabaseRequest{Organization: e.org, Database: db})
	if err != nil || db2.Name != db {
		t.Fatalf("the database outlives a branch: %+v, %v", db2, err)
	}
}

// TestBranchOfPendingDatabase: a branch of a database that is still provisioning is refused
// with a typed invalid error (400).
func TestBranchOfPendingDatabase(t *testing.T) {
	e := loadEnv(t)
	c := client(t, e, e.tokenID, e.token)
	name := uniqueName("go-pending")
	if _, err := c.Databases.Create(ctx(t), &ps.CreateDatabaseRequest{Organization: e.org, Name: name,
		ClusterSize: "PS_10"}); err != nil {
		t.Fatalf("Databases.Create: %v", err)
	}
	t.Cleanup(func() {
		_, _ = c.Databases.Delete(ctx(t), &ps.DeleteDatabaseRequest{Organization: e.org, Database: name})
	})
	_, err := c.DatabaseBranches.Create(ctx(t), &ps.CreateDatabaseBranchRequest{Organization: e.org,
		Database: name, Name: "early"})
	wantCode(t, err, ps.ErrInvalid, "not ready")
}

// TestPostgresBranches: the PostgreSQL client sends cluster_name where the document says
// cluster_size; the branch keeps it, reads back the kind and cluster fields pscale prints,
// and deleting the last branch of a database deletes the database.
func TestPostgresBranches(t *testing.T) {
	e := loadEnv(t)
	c := client(t, e, e.tokenID, e.token)
	db := readyDatabase(t, c, e, "go-pg-branches", ps.DatabaseEnginePostgres, "PS_10_AWS_ARM")

	created, err := c.PostgresBranches.Create(ctx(t), &ps.CreatePostgresBranchRequest{Organization: e.org,
		Database: db, Name: "feature", ClusterName: "PS_20_AWS_ARM", MajorVersion: "17"})
	if err != nil {
		t.Fatalf("PostgresBranches.Create: %v", err)
	}
	if created.ClusterName != "PS_20_AWS_ARM" || created.ClusterArchitecture != "arm64" ||
		created.Kind != "postgresql" || created.ParentBranch != "main" || created.Production {
		t.Fatalf("created %+v", created)
	}
	list, err := c.PostgresBranches.List(ctx(t), &ps.ListPostgresBranchesRequest{Organization: e.org,
		Database: db})
	if err != nil || len(list) != 2 {
		t.Fatalf("PostgresBranches.List: %d branches, %v", len(list), err)
	}
	got, err := c.PostgresBranches.Get(ctx(t), &ps.GetPostgresBranchRequest{Organization: e.org, Database: db,
		Branch: created.ID})
	if err != nil || got.Name != "feature" {
		t.Fatalf("PostgresBranches.Get by id: %+v, %v", got, err)
	}
	// A new branch's database has no tables; the namespace names a schema of it.
	for _, namespace := range []string{"", "postgres.public"} {
		schemas, err := c.PostgresBranches.Schema(ctx(t), &ps.PostgresBranchSchemaRequest{Organization: e.org,
			Database: db, Branch: "feature", Namespace: namespace})
		if err != nil || schemas == nil || len(schemas) != 0 {
			t.Fatalf("PostgresBranches.Schema (namespace %q): %+v, %v", namespace, schemas, err)
		}
	}
	_, err = c.PostgresBranches.Schema(ctx(t), &ps.PostgresBranchSchemaRequest{Organization: e.org,
		Database: db, Branch: "nosuch"})
	wantCode(t, err, ps.ErrNotFound, "Not Found")

	for _, branch := range []string{"feature", "main"} {
		if err := c.PostgresBranches.Delete(ctx(t), &ps.DeletePostgresBranchRequest{Organization: e.org,
			Database: db, Branch: branch}); err != nil {
			t.Fatalf("PostgresBranches.Delete %s: %v", branch, err)
		}
	}
	_, err = c.Databases.Get(ctx(t), &ps.GetDatabaseRequest{Organization: e.org, Database: db})
	wantCode(t, err, ps.ErrNotFound, "Not Found")
}

// TestBranchPromoteDemote: a development branch is promoted to production and demoted back,
// each answered with the branch; a second promote or demote is refused with a typed error
// (422, which planetscale-go maps to ErrRetry) and changes nothing.
func TestBranchPromoteDemote(t *testing.T) {
	e := loadEnv(t)
	c := client(t, e, e.tokenID, e.token)
	db := readyDatabase(t, c, e, "go-promote", ps.DatabaseEngineMySQL, "PS_10")
	if _, err := c.DatabaseBranches.Create(ctx(t), &ps.CreateDatabaseBranchRequest{Organization: e.org,
		Database: db, Name: "staging"}); err != nil {
		t.Fatalf("DatabaseBranches.Create: %v", err)
	}
	waitBranchReady(t, c, e.org, db, "staging")

	promote := func() (*ps.DatabaseBranch, error) {
		return c.DatabaseBranches.Promote(ctx(t), &ps.PromoteRequest{Organization: e.org, Database: db,
			Branch: "staging"})
	}
	demote := func() (*ps.DatabaseBranch, error) {
		return c.DatabaseBranches.Demote(ctx(t), &ps.DemoteRequest{Organization: e.org, Database: db,
			Branch: "staging"})
	}
	steps := []struct {
		name       string
		call       func() (*ps.DatabaseBranch, error)
		production bool
		refusal    string
	}{
		{"promote", promote, true, ""},
		{"promote again", promote, true, "Branch staging is already a production branch"},
		{"demote", demote, false, ""},
		{"demote again", demote, false, "Branch staging is not a production branch"},
	}
	for _, step := range steps {
		branch, err := step.call()
		if step.refusal != "" {
			wantCode(t, err, ps.ErrRetry, step.refusal)
		} else if err != nil || branch.Name != "staging" || branch.Production != step.production {
			t.Fatalf("%s: %+v, %v", step.name, branch, err)
		}
		got := waitBranchReady(t, c, e.org, db, "staging")
		if got.Production != step.production {
			t.Fatalf("after %s, Get says production=%v", step.name, got.Production)
		}
	}

	_, err := c.DatabaseBranches.Promote(ctx(t), &ps.PromoteRequest{Organization: e.org, Database: db,
		Branch: "nosuch"})
	wantCode(t, err, ps.ErrNotFound, "Not Found")
}

// TestPostgresBranchResize: a PostgreSQL branch's cluster is changed through the branch
// changes API; dbplane applies it at once, so the change request comes back completed, and
// asking for what the branch already has is the API's 204, a nil change request.
func TestPostgresBranchResize(t *testing.T) {
	e := loadEnv(t)
	c := client(t, e, e.tokenID, e.token)
	db := readyDatabase(t, c, e, "go-pg-resize", ps.DatabaseEnginePostgres, "PS_5_AWS_X86")
	replicas := 2

	change, err := c.PostgresBranches.Resize(ctx(t), &ps.ResizePostgresBranchRequest{Organization: e.org,
		Database: db, Branch: "main", ClusterSize: "PS_10_AWS_X86", Replicas: &replicas})
	if err != nil || change == nil {
		t.Fatalf("PostgresBranches.Resize: %+v, %v", change, err)
	}
	if change.ID == "" || change.State != "completed" || change.ClusterName != "PS_10_AWS_X86" ||
		change.PreviousClusterName != "PS_5_AWS_X86" || change.Replicas != 2 || change.PreviousReplicas != 0 {
		t.Fatalf("change request %+v", change)
	}
	if change.CompletedAt == nil || change.StartedAt == nil || change.CreatedAt.IsZero() ||
		!change.CompletedAt.Equal(change.CreatedAt) {
		t.Fatalf("a change applied at once is started and completed when made: %+v", change)
	}
	got, err := c.PostgresBranches.Get(ctx(t), &ps.GetPostgresBranchRequest{Organization: e.org, Database: db,
		Branch: "main"})
	if err != nil || got.ClusterName != "PS_10_AWS_X86" || got.Replicas != 2 {
		t.Fatalf("the branch after the change: %+v, %v", got, err)
	}

	again, err := c.PostgresBranches.Resize(ctx(t), &ps.ResizePostgresBranchRequest{Organization: e.org,
		Database: db, Branch: "main", ClusterSize: "PS_10_AWS_X86"})
	if err != nil || again != nil {
		t.Fatalf("a resize to what the branch has is no change request: %+v, %v", again, err)
	}
	_, err = c.PostgresBranches.Resize(ctx(t), &ps.ResizePostgresBranchRequest{Organization: e.org,
		Database: db, Branch: "main", ClusterSize: "PS_NOPE"})
	wantCode(t, err, ps.ErrRetry, "cluster_size")
}

// TestPasswords: on a MySQL branch a password is created with its secret shown once, listed
// and got without it, renewed when it has a TTL, and deleted; on a PostgreSQL database there
// are no passwords.
func TestPasswords(t *testing.T) {
	e := loadEnv(t)
	c := client(t, e, e.tokenID, e.token)
	db := readyDatabase(t, c, e, "go-passwords", ps.DatabaseEngineMySQL, "PS_10")

	created, err := c.Passwords.Create(ctx(t), &ps.DatabaseBranchPasswordRequest{Organization: e.org,
		Database: db, Branch: "main", Name: "ci", Role: "readwriter", TTL: 3600})
	if err != nil {
		t.Fatalf("Passwords.Create: %v", err)
	}
	if !strings.HasPrefix(created.PlainText, "pscale_pw_") || created.Username == "" ||
		created.Hostname == "" || created.Role != "readwriter" || created.TTL != 3600 || !created.Renewable {
		t.Fatalf("created %+v", created)
	}
	if created.Branch.Name != "main" || !created.Branch.Production {
		t.Fatalf("database_branch %+v", created.Branch)
	}
	if !created.ExpiresAt.Equal(created.CreatedAt.Add(time.Hour)) {
		t.Fatalf("expires_at %v, created_at %v", created.ExpiresAt, created.CreatedAt)
	}

	list, err := c.Passwords.List(ctx(t), &ps.ListDatabaseBranchPasswordRequest{Organization: e.org,
		Database: db, Branch: "main"})
	if err != nil || len(list) != 1 || list[0].PlainText != "" || list[0].PublicID != created.PublicID {
		t.Fatalf("Passwords.List: %+v, %v", list, err)
	}
	got, err := c.Passwords.Get(ctx(t), &ps.GetDatabaseBranchPasswordRequest{Organization: e.org,
		Database: db, Branch: "main", PasswordId: created.PublicID})
	if err != nil || got.PlainText != "" || got.Username != created.Username {
		t.Fatalf("Passwords.Get: %+v, %v", got, err)
	}
	renewed, err := c.Passwords.Renew(ctx(t), &ps.RenewDatabaseBranchPasswordRequest{Organization: e.org,
		Database: db, Branch: "main", PasswordId: created.PublicID})
	if err != nil || renewed.ExpiresAt.Before(created.ExpiresAt) {
		t.Fatalf("Passwords.Renew: %+v, %v", renewed, err)
	}

	_, err = c.Passwords.Create(ctx(t), &ps.DatabaseBranchPasswordRequest{Organization: e.org, Database: db,
		Branch: "main", Name: "bad", Role: "root"})
	wantCode(t, err, ps.ErrRetry, "role must be one of")

	if err := c.Passwords.Delete(ctx(t), &ps.DeleteDatabaseBranchPasswordRequest{Organization: e.org,
		Database: db, Branch: "main", PasswordId: created.PublicID}); err != nil {
		t.Fatalf("Passwords.Delete: %v", err)
	}
	_, err = c.Passwords.Get(ctx(t), &ps.GetDatabaseBranchPasswordRequest{Organization: e.org, Database: db,
		Branch: "main", PasswordId: created.PublicID})
	wantCode(t, err, ps.ErrNotFound, "Not Found")

	pg := readyDatabase(t, c, e, "go-passwords-pg", ps.DatabaseEnginePostgres, "PS_5_AWS_X86")
	_, err = c.Passwords.Create(ctx(t), &ps.DatabaseBranchPasswordRequest{Organization: e.org, Database: pg,
		Branch: "main", Name: "nope"})
	wantCode(t, err, ps.ErrNotFound, "Not Found")
}

// TestPostgresRoles: a role is created (200) with its password once, listed, got, renamed
// and deleted with a successor; the default role's password comes from ResetDefaultRole;
// on a MySQL database there are no roles.
func TestPostgresRoles(t *testing.T) {
	e := loadEnv(t)
	c := client(t, e, e.tokenID, e.token)
	db := readyDatabase(t, c, e, "go-roles", ps.DatabaseEnginePostgres, "PS_5_AWS_X86")

	created, err := c.PostgresRoles.Create(ctx(t), &ps.CreatePostgresRoleRequest{Organization: e.org,
		Database: db, Branch: "main", Name: "app", TTL: 600,
		InheritedRoles: []string{"pg_read_all_data", "pg_write_all_data"}})
	if err != nil {
		t.Fatalf("PostgresRoles.Create: %v", err)
	}
	if !strings.HasPrefix(created.Password, "pscale_pw_") || created.Username == "" ||
		created.DatabaseName != "postgres" || created.AccessHostURL == "" || created.Actor.ID != e.tokenID {
		t.Fatalf("created %+v", created)
	}

	list, err := c.PostgresRoles.List(ctx(t), &ps.ListPostgresRolesRequest{Organization: e.org, Database: db,
		Branch: "main"})
	if err != nil || len(list) != 1 || list[0].Password != "" {
		t.Fatalf("PostgresRoles.List: %+v, %v", list, err)
	}
	renamed, err := c.PostgresRoles.Update(ctx(t), &ps.UpdatePostgresRoleRequest{Organization: e.org,
		Database: db, Branch: "main", RoleId: created.ID, Name: "app-renamed"})
	if err != nil || renamed.Name != "app-renamed" || renamed.Password != "" {
		t.Fatalf("PostgresRoles.Update: %+v, %v", renamed, err)
	}
	got, err := c.PostgresRoles.Get(ctx(t), &ps.GetPostgresRoleRequest{Organization: e.org, Database: db,
		Branch: "main", RoleId: created.ID})
	if err != nil || got.Name != "app-renamed" || got.Username != created.Username {
		t.Fatalf("PostgresRoles.Get: %+v, %v", got, err)
	}

	reset, err := c.PostgresRoles.ResetDefaultRole(ctx(t), &ps.ResetDefaultRoleRequest{Organization: e.org,
		Database: db, Branch: "main"})
	if err != nil || !strings.HasPrefix(reset.Username, "postgres.") || !strings.HasPrefix(reset.Password,
		"pscale_pw_") || reset.AccessHostURL == "" {
		t.Fatalf("ResetDefaultRole: %+v, %v", reset, err)
	}

	if err := c.PostgresRoles.Delete(ctx(t), &ps.DeletePostgresRoleRequest{Organization: e.org, Database: db,
		Branch: "main", RoleId: created.ID, Successor: "postgres"}); err != nil {
		t.Fatalf("PostgresRoles.Delete: %v", err)
	}
	_, err = c.PostgresRoles.Get(ctx(t), &ps.GetPostgresRoleRequest{Organization: e.org, Database: db,
		Branch: "main", RoleId: created.ID})
	wantCode(t, err, ps.ErrNotFound, "Not Found")

	mysql := readyDatabase(t, c, e, "go-roles-mysql", ps.DatabaseEngineMySQL, "PS_10")
	_, err = c.PostgresRoles.Create(ctx(t), &ps.CreatePostgresRoleRequest{Organization: e.org, Database: mysql,
		Branch: "main", Name: "nope"})
	wantCode(t, err, ps.ErrNotFound, "Not Found")
}

// TestPostgresRoleRenewResetReassign: a role with a TTL is renewed (its password not shown
// again), its password is reset (a new one, shown once), and what it owns is reassigned to
// another role, named by its username without the branch suffix as pscale's example does; a
// role without TTL cannot be renewed, an unknown successor is refused, and a MySQL database
// has no roles to do any of it to.
func TestPostgresRoleRenewResetReassign(t *testing.T) {
	e := loadEnv(t)
	c := client(t, e, e.tokenID, e.token)
	db := readyDatabase(t, c, e, "go-role-ops", ps.DatabaseEnginePostgres, "PS_5_AWS_X86")

	created, err := c.PostgresRoles.Create(ctx(t), &ps.CreatePostgresRoleRequest{Organization: e.org,
		Database: db, Branch: "main", Name: "app", TTL: 600, InheritedRoles: []string{"postgres"}})
	if err != nil {
		t.Fatalf("PostgresRoles.Create: %v", err)
	}
	heir, err := c.PostgresRoles.Create(ctx(t), &ps.CreatePostgresRoleRequest{Organization: e.org,
		Database: db, Branch: "main", Name: "heir", InheritedRoles: []string{"postgres"}})
	if err != nil {
		t.Fatalf("PostgresRoles.Create: %v", err)
	}

	renewed, err := c.PostgresRoles.Renew(ctx(t), &ps.RenewPostgresRoleRequest{Organization: e.org,
		Database: db, Branch: "main", RoleId: created.ID})
	if err != nil || renewed.ID != created.ID || renewed.Username != created.Username || renewed.Password != "" {
		t.Fatalf("PostgresRoles.Renew: %+v, %v", renewed, err)
	}
	_, err = c.PostgresRoles.Renew(ctx(t), &ps.RenewPostgresRoleRequest{Organization: e.org,
		Database: db, Branch: "main", RoleId: heir.ID})
	wantCode(t, err, ps.ErrRetry, "has no ttl")

	reset, err := c.PostgresRoles.ResetPassword(ctx(t), &ps.ResetPostgresRolePasswordRequest{Organization: e.org,
		Database: db, Branch: "main", RoleId: created.ID})
	if err != nil || reset.ID != created.ID || reset.Username != created.Username ||
		!strings.HasPrefix(reset.Password, "pscale_pw_") || reset.Password == created.Password {
		t.Fatalf("PostgresRoles.ResetPassword: %+v, %v", reset, err)
	}

	baseUsername := heir.Username[:strings.LastIndex(heir.Username, ".")]
	if err := c.PostgresRoles.ReassignObjects(ctx(t), &ps.ReassignPostgresRoleObjectsRequest{Organization: e.org,
		Database: db, Branch: "main", RoleId: created.ID, Successor: baseUsername}); err != nil {
		t.Fatalf("PostgresRoles.ReassignObjects: %v", err)
	}
	err = c.PostgresRoles.ReassignObjects(ctx(t), &ps.ReassignPostgresRoleObjectsRequest{Organization: e.org,
		Database: db, Branch: "main", RoleId: created.ID, Successor: "nobody"})
	wantCode(t, err, ps.ErrRetry, "successor nobody is not another role of this branch")
	got, err := c.PostgresRoles.Get(ctx(t), &ps.GetPostgresRoleRequest{Organization: e.org, Database: db,
		Branch: "main", RoleId: created.ID})
	if err != nil || got.ID != created.ID {
		t.Fatalf("PostgresRoles.Get after reassign: %+v, %v", got, err)
	}

	mysql := readyDatabase(t, c, e, "go-role-ops-mysql", ps.DatabaseEngineMySQL, "PS_10")
	_, err = c.PostgresRoles.Renew(ctx(t), &ps.RenewPostgresRoleRequest{Organization: e.org, Database: mysql,
		Branch: "main", RoleId: created.ID})
	wantCode(t, err, ps.ErrNotFound, "Not Found")
	_, err = c.PostgresRoles.ResetPassword(ctx(t), &ps.ResetPostgresRolePasswordRequest{Organization: e.org,
		Database: mysql, Branch: "main", RoleId: created.ID})
	wantCode(t, err, ps.ErrNotFound, "Not Found")
	err = c.PostgresRoles.ReassignObjects(ctx(t), &ps.ReassignPostgresRoleObjectsRequest{Organization: e.org,
		Database: mysql, Branch: "main", RoleId: created.ID, Successor: "postgres"})
	wantCode(t, err, ps.ErrNotFound, "Not Found")
}
