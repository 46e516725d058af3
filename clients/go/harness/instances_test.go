package harness

import (
	"context"
	"net/http"
	"reflect"
	"slices"
	"testing"

	"github.com/antihax/optional"
	"github.com/harness/harness-go-sdk/harness/dbops"
)

// newSchema creates a schema of the given type in project and returns its identifier.
func newSchema(t *testing.T, e env, c *dbops.APIClient, ctx context.Context, project string,
	kind dbops.DbSchemaType) string {
	t.Helper()
	return createSchema(t, e, c, ctx, project, uniqueID("schema"), kind)
}

func createSchema(t *testing.T, e env, c *dbops.APIClient, ctx context.Context, project, identifier string,
	kind dbops.DbSchemaType) string {
	t.Helper()
	in := dbops.DbSchemaIn{Identifier: identifier, Name: "Schema of " + t.Name(), Type_: &kind}
	if kind == dbops.SCRIPT_DbSchemaType {
		in.ChangeLogScript = &dbops.ChangeLogScript{Image: "alpine:3", Command: "cp /in/changelog.yaml .",
			Shell: "Sh", Location: "changelog.yaml"}
	} else {
		in.Changelog = &dbops.Changelog{Connector: "git_connector", Location: "db/changelog.yaml", Repo: "app"}
	}
	_, resp, err := c.DatabaseSchemaApi.V1CreateProjDbSchema(ctx, in, org, project,
		&dbops.DatabaseSchemaApiV1CreateProjDbSchemaOpts{HarnessAccount: account(e)})
	wantStatus(t, "V1CreateProjDbSchema", err, resp, http.StatusCreated)
	return in.Identifier
}

// TestInstanceLifecycle: create, get, update (Terraform's whole body, then a partial one),
// delete an instance under a Repository schema and under a Script schema, through both base
// paths; a deleted instance answers 404; deleting the schema deletes its instances.
func TestInstanceLifecycle(t *testing.T) {
	e := loadEnv(t)
	for _, tc := range []struct {
		name   string
		base   string
		kind   dbops.DbSchemaType
		in     dbops.DbInstanceIn
		change func(in *dbops.DbInstanceIn)
	}{
		{"repository schema via gateway", e.gateway(), dbops.REPOSITORY_DbSchemaType, dbops.DbInstanceIn{
			Name: "Customer DB", Connector: "pg_connector", Branch: "main", Context: "dev",
			Tags: map[string]string{"env": "dev"}, SubstituteProperties: map[string]string{"DB_NAME": "customers"}},
			func(in *dbops.DbInstanceIn) {
				in.Branch = "release"
				in.Connector = "org.pg_connector"
				in.SubstituteProperties = map[string]string{"DB_NAME": "customers_v2", "SCHEMA": "public"}
			}},
		{"script schema via bare", e.bare(), dbops.SCRIPT_DbSchemaType, dbops.DbInstanceIn{
			Name: "Reporting DB", Connector: "account.mysql"},
			func(in *dbops.DbInstanceIn) { in.Context = "reporting" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, ctx := client(t, e, tc.base)
			project := uniqueID("instances")
			schema := newSchema(t, e, c, ctx, project, tc.kind)
			in := tc.in
			in.Identifier = uniqueID("instance")

			created, resp, err := c.DatabaseInstanceApi.V1CreateProjDbSchemaInstance(ctx, in, org, project, schema,
				&dbops.DatabaseInstanceApiV1CreateProjDbSchemaInstanceOpts{HarnessAccount: account(e)})
			wantStatus(t, "V1CreateProjDbSchemaInstance", err, resp, http.StatusCreated)
			checkInstance(t, "created", created, in)
			if !created.ToOnboard || created.LastDeployedChangeSetTag != "" || created.LastAppliedTag != "" {
				t.Fatalf("a new instance is toOnboard with no deployed tag, got %+v", created)
			}
			if created.Updated != created.Created {
				t.Fatalf("a new instance has updated %d != created %d", created.Updated, created.Created)
			}

			got, resp, err := c.DatabaseInstanceApi.V1GetProjDbSchemaInstance(ctx, org, project, schema, in.Identifier,
				&dbops.DatabaseInstanceApiV1GetProjDbSchemaInstanceOpts{HarnessAccount: account(e)})
			wantStatus(t, "V1GetProjDbSchemaInstance", err, resp, http.StatusOK)
			if !reflect.DeepEqual(got, created) {
				t.Fatalf("get disagrees with create:\n%+v\n%+v", got, created)
			}
			parent, resp, err := c.DatabaseSchemaApi.V1GetProjDbSchema(ctx, org, project, schema,
				&dbops.DatabaseSchemaApiV1GetProjDbSchemaOpts{HarnessAccount: account(e)})
			wantStatus(t, "V1GetProjDbSchema", err, resp, http.StatusOK)
			if parent.InstanceCount != 1 {
				t.Fatalf("the schema counts %d instances, want 1", parent.InstanceCount)
			}

			// Terraform's update: the whole create body, identifier and connector included.
			update := in
			update.Name = in.Name + " (renamed)"
			update.Tags = map[string]string{"env": "staging", "owner": "team_db"}
			tc.change(&update)
			updated, resp, err := c.DatabaseSchemaApi.V1UpdateProjDbSchemaInstance(ctx, update, org, project, schema,
				in.Identifier, &dbops.DatabaseSchemaApiV1UpdateProjDbSchemaInstanceOpts{HarnessAccount: account(e)})
			wantStatus(t, "V1UpdateProjDbSchemaInstance", err, resp, http.StatusOK)
			checkInstance(t, "updated", updated, update)
			if updated.Created != created.Created || updated.Updated < created.Updated {
				t.Fatalf("created/updated went from %d/%d to %d/%d", created.Created, created.Updated,
					updated.Created, updated.Updated)
			}

			// A partial body: absent fields keep their values.
			partial, resp, err := c.DatabaseSchemaApi.V1UpdateProjDbSchemaInstance(ctx, map[string]any{"context": "prod"},
				org, project, schema, in.Identifier,
				&dbops.DatabaseSchemaApiV1UpdateProjDbSchemaInstanceOpts{HarnessAccount: account(e)})
			wantStatus(t, "V1UpdateProjDbSchemaInstance (partial)", err, resp, http.StatusOK)
			update.Context = "prod"
			checkInstance(t, "partially updated", partial, update)

			got, resp, err = c.DatabaseInstanceApi.V1GetProjDbSchemaInstance(ctx, org, project, schema, in.Identifier,
				&dbops.DatabaseInstanceApiV1GetProjDbSchemaInstanceOpts{HarnessAccount: account(e)})
			wantStatus(t, "V1GetProjDbSchemaInstance after update", err, resp, http.StatusOK)
			if !reflect.DeepEqual(got, partial) {
				t.Fatalf("get disagrees with the last update:\n%+v\n%+v", got, partial)
			}

			resp, err = c.DatabaseInstanceApi.V1DeleteProjDbSchemaInstance(ctx, org, project, schema, in.Identifier,
				&dbops.DatabaseInstanceApiV1DeleteProjDbSchemaInstanceOpts{HarnessAccount: account(e)})
			wantStatus(t, "V1DeleteProjDbSchemaInstance", err, resp, http.StatusNoContent)
			_, resp, err = c.DatabaseInstanceApi.V1GetProjDbSchemaInstance(ctx, org, project, schema, in.Identifier,
				&dbops.DatabaseInstanceApiV1GetProjDbSchemaInstanceOpts{HarnessAccount: account(e)})
			wantError(t, err, resp, http.StatusNotFound, "not found")
			resp, err = c.DatabaseInstanceApi.V1DeleteProjDbSchemaInstance(ctx, org, project, schema, in.Identifier,
				&dbops.DatabaseInstanceApiV1DeleteProjDbSchemaInstanceOpts{HarnessAccount: account(e)})
			wantError(t, err, resp, http.StatusNotFound, "not found")

			// Deleting a schema deletes its instances: a schema created again under the same
			// identifier starts empty.
			_, resp, err = c.DatabaseInstanceApi.V1CreateProjDbSchemaInstance(ctx, in, org, project, schema,
				&dbops.DatabaseInstanceApiV1CreateProjDbSchemaInstanceOpts{HarnessAccount: account(e)})
			wantStatus(t, "V1CreateProjDbSchemaInstance again", err, resp, http.StatusCreated)
			resp, err = c.DatabaseSchemaApi.V1DeleteProjDbSchema(ctx, org, project, schema,
				&dbops.DatabaseSchemaApiV1DeleteProjDbSchemaOpts{HarnessAccount: account(e)})
			wantStatus(t, "V1DeleteProjDbSchema", err, resp, http.StatusNoContent)
			_, resp, err = c.DatabaseInstanceApi.V1GetProjDbSchemaInstance(ctx, org, project, schema, in.Identifier,
				&dbops.DatabaseInstanceApiV1GetProjDbSchemaInstanceOpts{HarnessAccount: account(e)})
			wantError(t, err, resp, http.StatusNotFound, "not found")
			createSchema(t, e, c, ctx, project, schema, tc.kind)
			left, resp, err := c.DatabaseInstanceApi.V1ListProjDbSchemaInstance(ctx, org, project, schema,
				&dbops.DatabaseInstanceApiV1ListProjDbSchemaInstanceOpts{HarnessAccount: account(e)})
			wantStatus(t, "V1ListProjDbSchemaInstance", err, resp, http.StatusOK)
			if len(left) != 0 || header(t, resp, "X-Total-Elements") != 0 {
				t.Fatalf("a schema created again lists the deleted schema's instances: %+v", left)
			}
		})
	}
}

// checkInstance asserts that a DbInstanceOut carries what in asked for.
func checkInstance(t *testing.T, what string, got dbops.DbInstanceOut, in dbops.DbInstanceIn) {
	t.Helper()
	switch {
	case got.Identifier != in.Identifier || got.Name != in.Name || got.Connector != in.Connector ||
		got.Context != in.Context:
		t.Fatalf("%s: identifier/name/connector/context %q/%q/%q/%q, want %q/%q/%q/%q", what, got.Identifier,
			got.Name, got.Connector, got.Context, in.Identifier, in.Name, in.Connector, in.Context)
	case got.Branch != in.Branch || got.CommitSha != in.CommitSha || got.GitTag != in.GitTag:
		t.Fatalf("%s: branch/commitSha/gitTag %q/%q/%q, want %q/%q/%q", what, got.Branch, got.CommitSha,
			got.GitTag, in.Branch, in.CommitSha, in.GitTag)
	case !sameMap(got.Tags, in.Tags):
		t.Fatalf("%s: tags %v, want %v", what, got.Tags, in.Tags)
	case !sameMap(got.SubstituteProperties, in.SubstituteProperties):
		t.Fatalf("%s: substituteProperties %v, want %v", what, got.SubstituteProperties, in.SubstituteProperties)
	case got.Updated < got.Created:
		t.Fatalf("%s: updated %d before created %d", what, got.Updated, got.Created)
	}
	wantRecent(t, what+".created", got.Created)
}

// TestInstanceRevision: Terraform's revision switching (commit_sha -> branch -> git_tag ->
// commit_sha). The SDK omits empty fields, so each update names only the new revision and the
// other two must read back empty.
func TestInstanceRevision(t *testing.T) {
	e := loadEnv(t)
	c, ctx := client(t, e, e.gateway())
	project := uniqueID("revision")
	schema := newSchema(t, e, c, ctx, project, dbops.REPOSITORY_DbSchemaType)
	in := dbops.DbInstanceIn{Identifier: uniqueID("instance"), Name: "Pinned", Connector: "pg",
		CommitSha: "4f1c2e9ab3d07e5c6f8a9b0c1d2e3f4a5b6c7d8e"}
	created, resp, err := c.DatabaseInstanceApi.V1CreateProjDbSchemaInstance(ctx, in, org, project, schema,
		&dbops.DatabaseInstanceApiV1CreateProjDbSchemaInstanceOpts{HarnessAccount: account(e)})
	wantStatus(t, "V1CreateProjDbSchemaInstance", err, resp, http.StatusCreated)
	checkInstance(t, "created", created, in)

	for _, step := range []struct {
		name                      string
		branch, commitSha, gitTag string
	}{
		{"to branch", "main", "", ""},
		{"to git tag", "", "", "v1.2.0"},
		{"to commit sha", "", "<+trigger.commitSha>", ""},
		{"to another branch", "feature_x", "", ""},
	} {
		t.Run(step.name, func(t *testing.T) {
			update := in
			update.Branch, update.CommitSha, update.GitTag = step.branch, step.commitSha, step.gitTag
			updated, resp, err := c.DatabaseSchemaApi.V1UpdateProjDbSchemaInstance(ctx, update, org, project, schema,
				in.Identifier, &dbops.DatabaseSchemaApiV1UpdateProjDbSchemaInstanceOpts{HarnessAccount: account(e)})
			wantStatus(t, "V1UpdateProjDbSchemaInstance", err, resp, http.StatusOK)
			checkInstance(t, "updated", updated, update)
			got, resp, err := c.DatabaseInstanceApi.V1GetProjDbSchemaInstance(ctx, org, project, schema, in.Identifier,
				&dbops.DatabaseInstanceApiV1GetProjDbSchemaInstanceOpts{HarnessAccount: account(e)})
			wantStatus(t, "V1GetProjDbSchemaInstance", err, resp, http.StatusOK)
			checkInstance(t, "read back", got, update)
		})
	}

	// An update that names no revision keeps the stored one.
	kept, resp, err := c.DatabaseSchemaApi.V1UpdateProjDbSchemaInstance(ctx, map[string]any{"name": "Renamed"}, org,
		project, schema, in.Identifier, &dbops.DatabaseSchemaApiV1UpdateProjDbSchemaInstanceOpts{HarnessAccount: account(e)})
	wantStatus(t, "V1UpdateProjDbSchemaInstance without a revision", err, resp, http.StatusOK)
	if kept.Branch != "feature_x" || kept.CommitSha != "" || kept.GitTag != "" {
		t.Fatalf("an update without a revision changed it: %+v", kept)
	}
}

// TestInstanceList: instancelist without a body, with an empty filter, with tag filters
// (Equals, NotEquals, a key without a value), walked by page, sorted and searched.
func TestInstanceList(t *testing.T) {
	e := loadEnv(t)
	c, ctx := client(t, e, e.bare())
	project := uniqueID("instancelist")
	schema := newSchema(t, e, c, ctx, project, dbops.SCRIPT_DbSchemaType)

	instances := []struct {
		name string
		tags map[string]string
	}{
		{"east prod", map[string]string{"env": "prod", "region": "us"}},
		{"west prod", map[string]string{"env": "prod", "region": "eu"}},
		{"east dev", map[string]string{"env": "dev", "region": "us"}},
		{"staging", map[string]string{"env": "staging"}},
		{"untagged", nil},
		{"west dev", map[string]string{"env": "dev", "region": "eu"}},
	}
	for _, i := range instances {
		_, resp, err := c.DatabaseInstanceApi.V1CreateProjDbSchemaInstance(ctx, dbops.DbInstanceIn{
			Identifier: uniqueID("i"), Name: i.name, Connector: "pg", Tags: i.tags}, org, project, schema,
			&dbops.DatabaseInstanceApiV1CreateProjDbSchemaInstanceOpts{HarnessAccount: account(e)})
		wantStatus(t, "V1CreateProjDbSchemaInstance "+i.name, err, resp, http.StatusCreated)
	}
	everyone := []string{"east dev", "east prod", "staging", "untagged", "west dev", "west prod"}

	list := func(opts dbops.DatabaseInstanceApiV1ListProjDbSchemaInstanceOpts) ([]string, *http.Response) {
		t.Helper()
		opts.HarnessAccount = account(e)
		out, resp, err := c.DatabaseInstanceApi.V1ListProjDbSchemaInstance(ctx, org, project, schema, &opts)
		wantStatus(t, "V1ListProjDbSchemaInstance", err, resp, http.StatusOK)
		var names []string
		for _, i := range out {
			names = append(names, i.Name)
		}
		return names, resp
	}
	filter := func(filterType string, tags ...dbops.NgTag) optional.Interface {
		return optional.NewInterface(dbops.DbInstanceFilterIn{FilterType: filterType, InstanceTags: tags})
	}

	for _, tc := range []struct {
		name string
		body optional.Interface
		want []string
	}{
		{"no body", optional.EmptyInterface(), everyone},
		{"empty filter", optional.NewInterface(dbops.DbInstanceFilterIn{}), everyone},
		{"equals one tag", filter("Equals", dbops.NgTag{Key: "env", Value: "prod"}), []string{"east prod", "west prod"}},
		{"equals two tags", filter("Equals", dbops.NgTag{Key: "env", Value: "dev"}, dbops.NgTag{Key: "region",
			Value: "eu"}), []string{"west dev"}},
		{"default filter type is equals", filter("", dbops.NgTag{Key: "env", Value: "staging"}), []string{"staging"}},
		{"not equals", filter("NotEquals", dbops.NgTag{Key: "env", Value: "prod"}),
			[]string{"east dev", "staging", "untagged", "west dev"}},
		{"key without a value", filter("Equals", dbops.NgTag{Key: "region"}),
			[]string{"east dev", "east prod", "west dev", "west prod"}},
		{"no match", filter("Equals", dbops.NgTag{Key: "env", Value: "qa"}), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, resp := list(dbops.DatabaseInstanceApiV1ListProjDbSchemaInstanceOpts{Body: tc.body,
				Sort: optional.NewString("name"), Order: optional.NewString("ASC")})
			if !slices.Equal(got, tc.want) || header(t, resp, "X-Total-Elements") != len(tc.want) {
				t.Fatalf("listed %v (X-Total-Elements %s), want %v", got, resp.Header.Get("X-Total-Elements"), tc.want)
			}
		})
	}

	t.Run("paged", func(t *testing.T) {
		walked := walkPages(t, 6, 4, func(page, limit int) ([]string, *http.Response) {
			return list(dbops.DatabaseInstanceApiV1ListProjDbSchemaInstanceOpts{Page: optional.NewInt64(int64(page)),
				Limit: optional.NewInt32(int32(limit)), Sort: optional.NewString("name"), Order: optional.NewString("DESC")})
		})
		want := slices.Clone(everyone)
		slices.Reverse(want)
		if !slices.Equal(walked, want) {
			t.Fatalf("walked %v, want %v", walked, want)
		}
	})

	t.Run("search term with a filter", func(t *testing.T) {
		got, resp := list(dbops.DatabaseInstanceApiV1ListProjDbSchemaInstanceOpts{SearchTerm: optional.NewString("WEST"),
			Body: filter("Equals", dbops.NgTag{Key: "env", Value: "prod"})})
		if !slices.Equal(got, []string{"west prod"}) || header(t, resp, "X-Total-Elements") != 1 {
			t.Fatalf("search_term WEST with env=prod listed %v", got)
		}
	})
}
