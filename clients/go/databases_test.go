package clients

import (
	"testing"
	"time"

	ps "github.com/planetscale/planetscale-go/planetscale"
)

// TestDatabaseLifecycle: create (MySQL and PostgreSQL), pending until ready, get, delete,
// then the typed not-found error.
func TestDatabaseLifecycle(t *testing.T) {
	e := loadEnv(t)
	c := client(t, e, e.tokenID, e.token)
	two := 2

	for _, tc := range []struct {
		name       string
		req        ps.CreateDatabaseRequest
		wantKind   ps.DatabaseEngine
		wantRegion string
	}{
		{"mysql", ps.CreateDatabaseRequest{ClusterSize: "PS_10", Notes: "from planetscale-go"},
			ps.DatabaseEngineMySQL, "us-east"},
		{"postgresql", ps.CreateDatabaseRequest{Kind: ps.DatabaseEnginePostgres, ClusterSize: "PS_10_AWS_ARM",
			Region: "eu-west", Replicas: &two, MajorVersion: "17"}, ps.DatabaseEnginePostgres, "eu-west"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := tc.req
			req.Organization = e.org
			req.Name = uniqueName("go-" + tc.name)

			created, err := c.Databases.Create(ctx(t), &req)
			if err != nil {
				t.Fatalf("Databases.Create: %v", err)
			}
			if created.Name != req.Name || created.Kind != tc.wantKind || created.Region.Slug != tc.wantRegion {
				t.Fatalf("created %+v from %+v", created, req)
			}
			if created.State != ps.DatabasePending {
				t.Fatalf("a new database is pending, got %q", created.State)
			}
			if created.CreatedAt.IsZero() || created.HtmlURL == "" {
				t.Fatalf("created_at/html_url missing: %+v", created)
			}

			got := waitReady(t, c, e.org, req.Name)
			if got.Name != req.Name || got.Kind != tc.wantKind || !got.CreatedAt.Equal(created.CreatedAt) {
				t.Fatalf("Get disagrees with Create: %+v vs %+v", got, created)
			}

			if _, err := c.Databases.Delete(ctx(t), &ps.DeleteDatabaseRequest{Organization: e.org,
				Database: req.Name}); err != nil {
				t.Fatalf("Databases.Delete: %v", err)
			}
			_, err = c.Databases.Get(ctx(t), &ps.GetDatabaseRequest{Organization: e.org, Database: req.Name})
			wantCode(t, err, ps.ErrNotFound, "Not Found")
		})
	}
}

// waitReady polls Get as pscale's `database create --wait` does, for at most a minute.
func waitReady(t *testing.T, c *ps.Client, org, name string) *ps.Database {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		db, err := c.Databases.Get(ctx(t), &ps.GetDatabaseRequest{Organization: org, Database: name})
		if err != nil {
			t.Fatalf("Databases.Get: %v", err)
		}
		if db.State == ps.DatabaseReady {
			return db
		}
		if db.State != ps.DatabasePending {
			t.Fatalf("state %q is neither pending nor ready", db.State)
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s still pending after a minute", name)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// TestDatabaseListPaging: more databases than one page of 100 holds; walking the pages with
// WithPage finds each exactly once and ends on an empty page.
func TestDatabaseListPaging(t *testing.T) {
	e := loadEnv(t)
	c := client(t, e, e.tokenID, e.token)
	const count = 105
	prefix := uniqueName("page")

	want := map[string]bool{}
	for i := range count {
		name := prefix + "-" + string(rune('a'+i/26)) + string(rune('a'+i%26))
		if _, err := c.Databases.Create(ctx(t), &ps.CreateDatabaseRequest{Organization: e.org, Name: name,
			ClusterSize: "PS_DEV"}); err != nil {
			t.Fatalf("Databases.Create %s: %v", name, err)
		}
		want[name] = true
	}
	t.Cleanup(func() {
		for name := range want {
			c.Databases.Delete(ctx(t), &ps.DeleteDatabaseRequest{Organization: e.org, Database: name})
		}
	})

	seen := map[string]int{}
	pages := 0
	for page := 1; ; page++ {
		dbs, err := c.Databases.List(ctx(t), &ps.ListDatabasesRequest{Organization: e.org}, ps.WithPage(page))
		if err != nil {
			t.Fatalf("Databases.List page %d: %v", page, err)
		}
		if len(dbs) > 100 {
			t.Fatalf("page %d has %d databases; the SDK asks for 100 a page", page, len(dbs))
		}
		if len(dbs) == 0 {
			break
		}
		pages++
		for _, db := range dbs {
			seen[db.Name]++
		}
		if page > 50 {
			t.Fatal("paging does not end")
		}
	}
	if pages < 2 {
		t.Fatalf("%d databases fit in %d page(s) of at most 100", len(seen), pages)
	}
	for name := range want {
		if seen[name] != 1 {
			t.Fatalf("%s listed %d times across the pages", name, seen[name])
		}
	}
}

// TestDatabaseErrors: invalid input and a taken name come back as the SDK's typed errors
// (PlanetScale answers 422 "unprocessable", which planetscale-go maps to ErrRetry).
func TestDatabaseErrors(t *testing.T) {
	e := loadEnv(t)
	c := client(t, e, e.tokenID, e.token)
	two := 2
	taken := uniqueName("taken")
	if _, err := c.Databases.Create(ctx(t), &ps.CreateDatabaseRequest{Organization: e.org, Name: taken,
		ClusterSize: "PS_10"}); err != nil {
		t.Fatalf("Databases.Create: %v", err)
	}
	t.Cleanup(func() {
		c.Databases.Delete(ctx(t), &ps.DeleteDatabaseRequest{Organization: e.org, Database: taken})
	})

	for _, tc := range []struct {
		name        string
		req         ps.CreateDatabaseRequest
		code        ps.ErrorCode
		wantMessage string
	}{
		{"name taken", ps.CreateDatabaseRequest{Name: taken, ClusterSize: "PS_10"}, ps.ErrRetry,
			"Name has already been taken"},
		{"bad name", ps.CreateDatabaseRequest{Name: "Not_Valid!", ClusterSize: "PS_10"}, ps.ErrRetry, "Name must be"},
		{"unknown cluster size", ps.CreateDatabaseRequest{Name: uniqueName("size"), ClusterSize: "PS_NOPE"},
			ps.ErrRetry, "cluster_size"},
		{"unknown region", ps.CreateDatabaseRequest{Name: uniqueName("region"), ClusterSize: "PS_10",
			Region: "mars-north"}, ps.ErrRetry, "region"},
		{"replicas on mysql", ps.CreateDatabaseRequest{Name: uniqueName("replicas"), ClusterSize: "PS_10",
			Replicas: &two}, ps.ErrRetry, "replicas"},
		{"unknown organization", ps.CreateDatabaseRequest{Name: uniqueName("org"), ClusterSize: "PS_10"},
			ps.ErrNotFound, "Not Found"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := tc.req
			req.Organization = e.org
			if tc.code == ps.ErrNotFound {
				req.Organization = "no-such-org"
			}
			_, err := c.Databases.Create(ctx(t), &req)
			wantCode(t, err, tc.code, tc.wantMessage)
		})
	}
}
