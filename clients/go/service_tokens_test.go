package clients

import (
	"slices"
	"strings"
	"testing"

	ps "github.com/planetscale/planetscale-go/planetscale"
)

// TestServiceTokens: create a token, grant it accesses on one database and on the
// organization, read them back as accesses and as grants, use the token within what it was
// granted, revoke, and delete it.
func TestServiceTokens(t *testing.T) {
	e := loadEnv(t)
	admin := client(t, e, e.tokenID, e.token)
	org := e.org

	granted, other := uniqueName("granted"), uniqueName("other")
	for _, name := range []string{granted, other} {
		if _, err := admin.Databases.Create(ctx(t), &ps.CreateDatabaseRequest{Organization: org, Name: name,
			ClusterSize: "PS_10"}); err != nil {
			t.Fatalf("Databases.Create: %v", err)
		}
		t.Cleanup(func() {
			admin.Databases.Delete(ctx(t), &ps.DeleteDatabaseRequest{Organization: org, Database: name})
		})
	}

	tokenName := uniqueName("go-ci")
	token, err := admin.ServiceTokens.Create(ctx(t), &ps.CreateServiceTokenRequest{Organization: org,
		Name: &tokenName})
	if err != nil {
		t.Fatalf("ServiceTokens.Create: %v", err)
	}
	if len(token.ID) != 12 || !strings.HasPrefix(token.Token, "pscale_tkn_") || token.Name == nil ||
		*token.Name != tokenName || token.CreatedAt.IsZero() {
		t.Fatalf("created %+v", token)
	}
	deleted := false
	t.Cleanup(func() {
		if !deleted {
			admin.ServiceTokens.Delete(ctx(t), &ps.DeleteServiceTokenRequest{Organization: org, ID: token.ID})
		}
	})

	listed, err := admin.ServiceTokens.List(ctx(t), &ps.ListServiceTokensRequest{Organization: org})
	if err != nil {
		t.Fatalf("ServiceTokens.List: %v", err)
	}
	idx := slices.IndexFunc(listed, func(s *ps.ServiceToken) bool { return s.ID == token.ID })
	if idx < 0 {
		t.Fatalf("the new token is not listed")
	}
	if listed[idx].Token != "" {
		t.Fatal("a listed token shows its secret")
	}

	// Before any grant the new token reaches nothing.
	mine := client(t, e, token.ID, token.Token)
	_, err = mine.Databases.Get(ctx(t), &ps.GetDatabaseRequest{Organization: org, Database: granted})
	wantCode(t, err, ps.ErrNotFound, "Not Found")

	for _, add := range []ps.AddServiceTokenAccessRequest{
		{Database: granted, Accesses: []string{"read_database", "delete_database"}},
		{Accesses: []string{"read_organization"}},
	} {
		add.Organization, add.ID = org, token.ID
		accesses, err := admin.ServiceTokens.AddAccess(ctx(t), &add)
		if err != nil {
			t.Fatalf("ServiceTokens.AddAccess %v: %v", add.Accesses, err)
		}
		for _, a := range add.Accesses {
			if !hasAccess(accesses, a, add.Database) {
				t.Fatalf("AddAccess answered %v without %s", accessNames(accesses), a)
			}
		}
	}

	accesses, err := admin.ServiceTokens.GetAccess(ctx(t), &ps.GetServiceTokenAccessRequest{Organization: org,
		ID: token.ID})
	if err != nil {
		t.Fatalf("ServiceTokens.GetAccess: %v", err)
	}
	if got := accessNames(accesses); !slices.Equal(got, []string{"delete_database", "read_database",
		"read_organization"}) {
		t.Fatalf("GetAccess: %v", got)
	}
	for _, a := range accesses {
		wantType, wantName := "Database", granted
		if a.Access == "read_organization" {
			wantType, wantName = "Organization", org
		}
		if a.Resource.Type != wantType || a.Resource.Name != wantName || a.Resource.ID == "" {
			t.Fatalf("access %s is on %+v", a.Access, a.Resource)
		}
	}

	grants, err := admin.ServiceTokens.ListGrants(ctx(t), &ps.ListServiceTokenGrantsRequest{Organization: org,
		ID: token.ID})
	if err != nil {
		t.Fatalf("ServiceTokens.ListGrants: %v", err)
	}
	byResource := map[string][]string{}
	for _, g := range grants {
		if g.ID == "" || g.ResourceID == "" {
			t.Fatalf("a grant without ids: %+v", g)
		}
		for _, a := range g.Accesses {
			if a.Description == "" {
				t.Fatalf("access %s has no description", a.Access)
			}
			byResource[g.ResourceType+" "+g.ResourceName] = append(byResource[g.ResourceType+" "+g.ResourceName],
				a.Access)
		}
	}
	for key, want := range map[string][]string{
		"Database " + granted: {"delete_database", "read_database"},
		"Organization " + org: {"read_organization"},
	} {
		got := byResource[key]
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Fatalf("grants on %s: %v, want %v (all: %v)", key, got, want, byResource)
		}
	}
	if len(byResource) != 2 {
		t.Fatalf("grants on %d resources, want 2: %v", len(byResource), byResource)
	}

	// The token now reaches what it was granted, and nothing else.
	if _, err := mine.Databases.Get(ctx(t), &ps.GetDatabaseRequest{Organization: org,
		Database: granted}); err != nil {
		t.Fatalf("read_database granted, Databases.Get: %v", err)
	}
	if _, err := mine.Organizations.ListClusterSKUs(ctx(t),
		&ps.ListOrganizationClusterSKUsRequest{Organization: org}); err != nil {
		t.Fatalf("read_organization granted, ListClusterSKUs: %v", err)
	}
	_, err = mine.Databases.Get(ctx(t), &ps.GetDatabaseRequest{Organization: org, Database: other})
	wantCode(t, err, ps.ErrNotFound, "Not Found")

	// Any access on a database lets the token read it: only once both are revoked is it gone.
	for _, revoke := range []string{"read_database", "delete_database"} {
		if _, err := mine.Databases.Get(ctx(t), &ps.GetDatabaseRequest{Organization: org,
			Database: granted}); err != nil {
			t.Fatalf("before revoking %s, Databases.Get: %v", revoke, err)
		}
		if err := admin.ServiceTokens.DeleteAccess(ctx(t), &ps.DeleteServiceTokenAccessRequest{Organization: org,
			ID: token.ID, Database: granted, Accesses: []string{revoke}}); err != nil {
			t.Fatalf("ServiceTokens.DeleteAccess %s: %v", revoke, err)
		}
	}
	_, err = mine.Databases.Get(ctx(t), &ps.GetDatabaseRequest{Organization: org, Database: granted})
	wantCode(t, err, ps.ErrNotFound, "Not Found")
	accesses, err = admin.ServiceTokens.GetAccess(ctx(t), &ps.GetServiceTokenAccessRequest{Organization: org,
		ID: token.ID})
	if err != nil {
		t.Fatalf("ServiceTokens.GetAccess: %v", err)
	}
	if got := accessNames(accesses); !slices.Equal(got, []string{"read_organization"}) {
		t.Fatalf("after the revokes GetAccess: %v", got)
	}

	// Typed errors: an unknown access is invalid input (422, ErrRetry in planetscale-go).
	_, err = admin.ServiceTokens.AddAccess(ctx(t), &ps.AddServiceTokenAccessRequest{Organization: org,
		ID: token.ID, Accesses: []string{"fly_to_the_moon"}})
	wantCode(t, err, ps.ErrRetry, "fly_to_the_moon")

	if err := admin.ServiceTokens.Delete(ctx(t), &ps.DeleteServiceTokenRequest{Organization: org,
		ID: token.ID}); err != nil {
		t.Fatalf("ServiceTokens.Delete: %v", err)
	}
	deleted = true
	_, err = mine.Organizations.List(ctx(t))
	wantCode(t, err, ps.ErrPermission, "")
	err = admin.ServiceTokens.Delete(ctx(t), &ps.DeleteServiceTokenRequest{Organization: org, ID: token.ID})
	wantCode(t, err, ps.ErrNotFound, "Not Found")
	_, err = admin.ServiceTokens.GetAccess(ctx(t), &ps.GetServiceTokenAccessRequest{Organization: org,
		ID: token.ID})
	wantCode(t, err, ps.ErrNotFound, "Not Found")
}

func hasAccess(accesses []*ps.ServiceTokenAccess, access, database string) bool {
	return slices.ContainsFunc(accesses, func(a *ps.ServiceTokenAccess) bool {
		return a.Access == access && (database == "" || a.Resource.Name == database)
	})
}

func accessNames(accesses []*ps.ServiceTokenAccess) []string {
	out := make([]string, 0, len(accesses))
	for _, a := range accesses {
		out = append(out, a.Access)
	}
	slices.Sort(out)
	return out
}
