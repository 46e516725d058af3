package clients

import (
	"strings"
	"testing"

	ps "github.com/planetscale/planetscale-go/planetscale"
)

// TestOrganizations: Organizations.List and Get, and the typed error for an unknown one.
func TestOrganizations(t *testing.T) {
	e := loadEnv(t)
	c := client(t, e, e.tokenID, e.token)

	orgs, err := c.Organizations.List(ctx(t))
	if err != nil {
		t.Fatalf("Organizations.List: %v", err)
	}
	if len(orgs) != 1 || orgs[0].Name != e.org {
		t.Fatalf("a service token sees its own organization only; got %v", names(orgs))
	}
	if orgs[0].CreatedAt.IsZero() || orgs[0].UpdatedAt.IsZero() {
		t.Fatalf("created_at/updated_at did not decode: %+v", orgs[0])
	}

	org, err := c.Organizations.Get(ctx(t), &ps.GetOrganizationRequest{Organization: e.org})
	if err != nil {
		t.Fatalf("Organizations.Get: %v", err)
	}
	if org.Name != e.org || !org.CreatedAt.Equal(orgs[0].CreatedAt) {
		t.Fatalf("Get disagrees with List: %+v vs %+v", org, orgs[0])
	}

	_, err = c.Organizations.Get(ctx(t), &ps.GetOrganizationRequest{Organization: "no-such-org"})
	wantCode(t, err, ps.ErrNotFound, "Not Found")
}

func names(orgs []*ps.Organization) []string {
	out := make([]string, 0, len(orgs))
	for _, o := range orgs {
		out = append(out, o.Name)
	}
	return out
}

// TestRegions: the public list and the organization's view with its default region marked.
func TestRegions(t *testing.T) {
	e := loadEnv(t)
	c := client(t, e, e.tokenID, e.token)

	public, err := c.Regions.List(ctx(t), &ps.ListRegionsRequest{})
	if err != nil {
		t.Fatalf("Regions.List: %v", err)
	}
	orgRegions, err := c.Organizations.ListRegions(ctx(t), &ps.ListOrganizationRegionsRequest{Organization: e.org})
	if err != nil {
		t.Fatalf("Organizations.ListRegions: %v", err)
	}

	for _, tc := range []struct {
		name    string
		regions []*ps.Region
	}{{"public", public}, {"organization", orgRegions}} {
		t.Run(tc.name, func(t *testing.T) {
			if len(tc.regions) < 2 {
				t.Fatalf("want the catalogue's regions, got %d", len(tc.regions))
			}
			for _, r := range tc.regions {
				if r.Slug == "" || r.Name == "" || r.Provider == "" || r.Location == "" {
					t.Fatalf("a region with empty fields: %+v", r)
				}
			}
		})
	}

	var defaults []string
	for _, r := range orgRegions {
		if r.IsDefault {
			defaults = append(defaults, r.Slug)
		}
	}
	if len(defaults) != 1 || defaults[0] != "us-east" {
		t.Fatalf("the organization's default region is us-east, and only it; got %v", defaults)
	}
}

// TestClusterSizes: the SKUs of both engines, with and without rates.
func TestClusterSizes(t *testing.T) {
	e := loadEnv(t)
	c := client(t, e, e.tokenID, e.token)

	for _, tc := range []struct {
		name      string
		opts      []ps.ListOption
		postgres  bool
		wantRates bool
	}{
		{"mysql", nil, false, false},
		{"mysql with rates", []ps.ListOption{ps.WithRates()}, false, true},
		{"postgresql", []ps.ListOption{ps.WithPostgreSQL()}, true, false},
		{"postgresql with rates", []ps.ListOption{ps.WithPostgreSQL(), ps.WithRates()}, true, true},
		{"postgresql in a region", []ps.ListOption{ps.WithPostgreSQL(), ps.WithRegion("gcp-us-central1")}, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			skus, err := c.Organizations.ListClusterSKUs(ctx(t),
				&ps.ListOrganizationClusterSKUsRequest{Organization: e.org}, tc.opts...)
			if err != nil {
				t.Fatalf("ListClusterSKUs: %v", err)
			}
			if len(skus) == 0 {
				t.Fatal("no cluster sizes")
			}
			priced := 0
			for _, s := range skus {
				if !strings.HasPrefix(s.Name, "PS_") || s.DisplayName == "" || s.CPU == "" || s.Memory <= 0 {
					t.Fatalf("a size with empty fields: %+v", s)
				}
				// PostgreSQL sizes name their provider and architecture (PS_10_AWS_X86); MySQL's do not.
				if isPostgres := strings.Count(s.Name, "_") == 3; isPostgres != tc.postgres {
					t.Fatalf("size %s in the %s list", s.Name, tc.name)
				}
				if s.Rate != nil {
					priced++
				}
			}
			if tc.wantRates && priced == 0 {
				t.Fatal("rates=true and no size has a rate")
			}
			if !tc.wantRates && priced != 0 {
				t.Fatalf("without rates=true %d sizes have a rate", priced)
			}
		})
	}
}
