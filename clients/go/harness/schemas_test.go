package harness

import (
	"maps"
	"net/http"
	"reflect"
	"slices"
	"testing"

	"github.com/antihax/optional"
	"github.com/harness/harness-go-sdk/harness/dbops"
)

const org = "go_sdk"

// TestSchemaLifecycle: create, get, list, update (the whole create body, as Terraform sends
// it, then a partial body), delete, for each kind of schema source, through both base paths;
// a deleted schema answers 404 to get and to a second delete.
func TestSchemaLifecycle(t *testing.T) {
	e := loadEnv(t)
	liquibase, flyway := dbops.LIQUIBASE_MigrationType, dbops.FLYWAY_MigrationType
	repository, script := dbops.REPOSITORY_DbSchemaType, dbops.SCRIPT_DbSchemaType

	for _, tc := range []struct {
		name       string
		base       string
		in         dbops.DbSchemaIn
		change     func(in *dbops.DbSchemaIn)
		wantSource string
	}{
		{"repository liquibase via gateway", e.gateway(), dbops.DbSchemaIn{Name: "Orders", Type_: &repository,
			MigrationType: &liquibase, Tags: map[string]string{"team": "db", "tier": ""}, Service: "orders",
			Changelog: &dbops.Changelog{Connector: "git_connector", Location: "db/changelog.yaml", Repo: "app"}},
			func(in *dbops.DbSchemaIn) {
				in.Changelog.Location = "db/changelog-v2.yaml"
				in.Changelog.Repo = "app2"
			}, "Git"},
		{"repository flyway via bare", e.bare(), dbops.DbSchemaIn{Name: "Billing", Type_: &repository,
			MigrationType: &flyway, Changelog: &dbops.Changelog{Connector: "account.git", Location: "db/migration",
				Toml: "[flyway]\nlocations = [\"filesystem:db/migration\"]\n"}},
			func(in *dbops.DbSchemaIn) { in.Changelog.Toml = "[flyway]\nvalidateOnMigrate = false\n" }, "Git"},
		{"harness code repository via bare", e.bare(), dbops.DbSchemaIn{Name: "Ledger", Type_: &repository,
			Changelog: &dbops.Changelog{Connector: "", Location: "changelog.xml", Repo: "ledger"}},
			func(in *dbops.DbSchemaIn) { in.Changelog.ArchivePath = "releases/ledger.zip" }, "HarnessCode"},
		{"script via gateway", e.gateway(), dbops.DbSchemaIn{Name: "Analytics", Type_: &script,
			MigrationType: &liquibase, ChangeLogScript: &dbops.ChangeLogScript{Image: "plugins/image:latest",
				Command: "curl -o changelog.yaml https://example.com/changelog.yaml", Shell: "Bash",
				Location: "changelog.yaml"}},
			func(in *dbops.DbSchemaIn) {
				in.ChangeLogScript.Command = "cp /src/changelog.yaml ."
				in.ChangeLogScript.Shell = "Sh"
			}, "Custom"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, ctx := client(t, e, tc.base)
			project := uniqueID("lifecycle")
			in := tc.in
			in.Identifier = uniqueID("schema")

			created, resp, err := c.DatabaseSchemaApi.V1CreateProjDbSchema(ctx, in, org, project,
				&dbops.DatabaseSchemaApiV1CreateProjDbSchemaOpts{HarnessAccount: account(e)})
			wantStatus(t, "V1CreateProjDbSchema", err, resp, http.StatusCreated)
			checkSchema(t, "created", created, in, tc.wantSource)
			if created.Updated != created.Created {
				t.Fatalf("a new schema has updated %d != created %d", created.Updated, created.Created)
			}
			if created.InstanceCount != 0 {
				t.Fatalf("a new schema has instanceCount %d", created.InstanceCount)
			}

			got, resp, err := c.DatabaseSchemaApi.V1GetProjDbSchema(ctx, org, project, in.Identifier,
				&dbops.DatabaseSchemaApiV1GetProjDbSchemaOpts{HarnessAccount: account(e)})
			wantStatus(t, "V1GetProjDbSchema", err, resp, http.StatusOK)
			if !reflect.DeepEqual(got, created) {
				t.Fatalf("get disagrees with create:\n%+v\n%+v", got, created)
			}

			listed, resp, err := c.DatabaseSchemaApi.V1ListProjDbSchema(ctx, org, project,
				&dbops.DatabaseSchemaApiV1ListProjDbSchemaOpts{HarnessAccount: account(e)})
			wantStatus(t, "V1ListProjDbSchema", err, resp, http.StatusOK)
			if len(listed) != 1 || !reflect.DeepEqual(listed[0], created) {
				t.Fatalf("the project lists %+v, want only %+v", listed, created)
			}

			// Terraform's update: the whole create body with the changed fields.
			update := in
			update.Name = in.Name + " (renamed)"
			update.Tags = map[string]string{"team": "platform"}
			if in.Changelog != nil {
				update.Changelog = ptr(*in.Changelog)
			}
			if in.ChangeLogScript != nil {
				update.ChangeLogScript = ptr(*in.ChangeLogScript)
			}
			tc.change(&update)
			updated, resp, err := c.DatabaseSchemaApi.V1UpdateProjDbSchema(ctx, update, org, project, in.Identifier,
				&dbops.DatabaseSchemaApiV1UpdateProjDbSchemaOpts{HarnessAccount: account(e)})
			wantStatus(t, "V1UpdateProjDbSchema", err, resp, http.StatusOK)
			source := tc.wantSource
			if update.Changelog != nil && update.Changelog.ArchivePath != "" {
				source = "Artifactory"
			}
			checkSchema(t, "updated", updated, update, source)
			if updated.Created != created.Created || updated.Updated < created.Updated {
				t.Fatalf("created/updated went from %d/%d to %d/%d", created.Created, created.Updated,
					updated.Created, updated.Updated)
			}

			// A partial body (the SDK takes any value here): absent fields keep their values.
			renamed, resp, err := c.DatabaseSchemaApi.V1UpdateProjDbSchema(ctx, map[string]any{"name": "Partial"},
				org, project, in.Identifier, &dbops.DatabaseSchemaApiV1UpdateProjDbSchemaOpts{HarnessAccount: account(e)})
			wantStatus(t, "V1UpdateProjDbSchema (partial)", err, resp, http.StatusOK)
			update.Name = "Partial"
			checkSchema(t, "partially updated", renamed, update, source)

			got, resp, err = c.DatabaseSchemaApi.V1GetProjDbSchema(ctx, org, project, in.Identifier,
				&dbops.DatabaseSchemaApiV1GetProjDbSchemaOpts{HarnessAccount: account(e)})
			wantStatus(t, "V1GetProjDbSchema after update", err, resp, http.StatusOK)
			if !reflect.DeepEqual(got, renamed) {
				t.Fatalf("get disagrees with the last update:\n%+v\n%+v", got, renamed)
			}

			resp, err = c.DatabaseSchemaApi.V1DeleteProjDbSchema(ctx, org, project, in.Identifier,
				&dbops.DatabaseSchemaApiV1DeleteProjDbSchemaOpts{HarnessAccount: account(e)})
			wantStatus(t, "V1DeleteProjDbSchema", err, resp, http.StatusNoContent)

			_, resp, err = c.DatabaseSchemaApi.V1GetProjDbSchema(ctx, org, project, in.Identifier,
				&dbops.DatabaseSchemaApiV1GetProjDbSchemaOpts{HarnessAccount: account(e)})
			wantError(t, err, resp, http.StatusNotFound, "not found")
			resp, err = c.DatabaseSchemaApi.V1DeleteProjDbSchema(ctx, org, project, in.Identifier,
				&dbops.DatabaseSchemaApiV1DeleteProjDbSchemaOpts{HarnessAccount: account(e)})
			wantError(t, err, resp, http.StatusNotFound, "not found")
		})
	}
}

// checkSchema asserts that a DbSchemaOut carries what in asked for, with the defaults
// Harness fills in (migrationType Liquibase, usePercona false).
func checkSchema(t *testing.T, what string, got dbops.DbSchemaOut, in dbops.DbSchemaIn, wantSource string) {
	t.Helper()
	wantMigration := dbops.LIQUIBASE_MigrationType
	if in.MigrationType != nil {
		wantMigration = *in.MigrationType
	}
	switch {
	case got.Identifier != in.Identifier || got.Name != in.Name || got.Service != in.Service:
		t.Fatalf("%s: identifier/name/service %q/%q/%q, want %q/%q/%q", what, got.Identifier, got.Name, got.Service,
			in.Identifier, in.Name, in.Service)
	case !sameMap(got.Tags, in.Tags):
		t.Fatalf("%s: tags %v, want %v", what, got.Tags, in.Tags)
	case got.Type_ == nil || *got.Type_ != *in.Type_:
		t.Fatalf("%s: type %v, want %s", what, got.Type_, *in.Type_)
	case got.MigrationType == nil || *got.MigrationType != wantMigration:
		t.Fatalf("%s: migrationType %v, want %s", what, got.MigrationType, wantMigration)
	case !reflect.DeepEqual(got.Changelog, in.Changelog):
		t.Fatalf("%s: changelog %+v, want %+v", what, got.Changelog, in.Changelog)
	case !reflect.DeepEqual(got.ChangeLogScript, in.ChangeLogScript):
		t.Fatalf("%s: changeLogScript %+v, want %+v", what, got.ChangeLogScript, in.ChangeLogScript)
	case got.SchemaSourceType != wantSource:
		t.Fatalf("%s: schemaSourceType %q, want %q", what, got.SchemaSourceType, wantSource)
	case got.UsePercona:
		t.Fatalf("%s: usePercona true, never asked for", what)
	case got.Updated < got.Created:
		t.Fatalf("%s: updated %d before created %d", what, got.Updated, got.Created)
	}
	wantRecent(t, what+".created", got.Created)
}

// sameMap compares tags as the SDK sees them: an absent map and an empty one are the same.
func sameMap(a, b map[string]string) bool {
	return len(a) == len(b) && (len(a) == 0 || maps.Equal(a, b))
}

// TestSchemaListPaging: twelve schemas in a project walked page by page through the SDK's
// Page/Limit/Sort/Order/SearchTerm options, with the paging headers Harness sends.
func TestSchemaListPaging(t *testing.T) {
	e := loadEnv(t)
	c, ctx := client(t, e, e.gateway())
	project := uniqueID("paging")
	repository := dbops.REPOSITORY_DbSchemaType

	// Names not in creation order, so sorting by name is visible.
	names := []string{"Orders 07", "billing 02", "Orders 03", "Ledger 11", "billing 05", "Orders 01",
		"Ledger 09", "Orders 12", "billing 04", "Orders 10", "Ledger 06", "Orders 08"}
	for _, name := range names {
		_, resp, err := c.DatabaseSchemaApi.V1CreateProjDbSchema(ctx, dbops.DbSchemaIn{Identifier: uniqueID("s"),
			Name: name, Type_: &repository, Changelog: &dbops.Changelog{Connector: "git", Location: "c.yaml"}},
			org, project, &dbops.DatabaseSchemaApiV1CreateProjDbSchemaOpts{HarnessAccount: account(e)})
		wantStatus(t, "V1CreateProjDbSchema "+name, err, resp, http.StatusCreated)
	}
	sorted := slices.Clone(names)
	slices.Sort(sorted)

	list := func(opts dbops.DatabaseSchemaApiV1ListProjDbSchemaOpts) ([]string, *http.Response) {
		t.Helper()
		opts.HarnessAccount = account(e)
		schemas, resp, err := c.DatabaseSchemaApi.V1ListProjDbSchema(ctx, org, project, &opts)
		wantStatus(t, "V1ListProjDbSchema", err, resp, http.StatusOK)
		var got []string
		for _, s := range schemas {
			got = append(got, s.Name)
		}
		return got, resp
	}
	t.Run("defaults", func(t *testing.T) {
		first, resp := list(dbops.DatabaseSchemaApiV1ListProjDbSchemaOpts{})
		wantPaging(t, "page 0", resp, 12, 0, 10)
		second, resp := list(dbops.DatabaseSchemaApiV1ListProjDbSchemaOpts{Page: optional.NewInt64(1)})
		wantPaging(t, "page 1", resp, 12, 1, 10)
		if len(first) != 10 || len(second) != 2 {
			t.Fatalf("12 schemas by 10 came as %v and %v", first, second)
		}
		all := append(first, second...)
		slices.Sort(all)
		if !slices.Equal(all, sorted) {
			t.Fatalf("the two default pages hold %v, want each of %v once", all, sorted)
		}
		past, resp := list(dbops.DatabaseSchemaApiV1ListProjDbSchemaOpts{Page: optional.NewInt64(7)})
		wantPaging(t, "page 7", resp, 12, 7, 10)
		if len(past) != 0 {
			t.Fatalf("a page past the end holds %v", past)
		}
	})

	t.Run("walk by name", func(t *testing.T) {
		for _, order := range []string{"ASC", "DESC"} {
			walked := walkPages(t, 12, 5, func(page, limit int) ([]string, *http.Response) {
				return list(dbops.DatabaseSchemaApiV1ListProjDbSchemaOpts{Page: optional.NewInt64(int64(page)),
					Limit: optional.NewInt32(int32(limit)), Sort: optional.NewString("name"),
					Order: optional.NewString(order)})
			})
			want := slices.Clone(sorted)
			if order == "DESC" {
				slices.Reverse(want)
			}
			if !slices.Equal(walked, want) {
				t.Fatalf("sort=name order=%s walked %v, want %v", order, walked, want)
			}
		}
	})

	t.Run("search term", func(t *testing.T) {
		for _, tc := range []struct {
			term string
			want int
		}{{"oRdErS", 6}, {"billing 0", 3}, {"Ledger 11", 1}, {"nothing", 0}} {
			got, resp := list(dbops.DatabaseSchemaApiV1ListProjDbSchemaOpts{SearchTerm: optional.NewString(tc.term),
				Limit: optional.NewInt32(100)})
			wantPaging(t, tc.term, resp, tc.want, 0, 100)
			if len(got) != tc.want {
				t.Fatalf("search_term %q found %v, want %d", tc.term, got, tc.want)
			}
		}
	})
}
