// Package clients drives a running dbplane with the PlanetScale Go SDK, exactly as a program
// built on planetscale-go would. clients/run starts dbplane and sets the environment below.
package clients

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	ps "github.com/planetscale/planetscale-go/planetscale"
)

// env is what clients/run passes: where dbplane listens and the declared service token.
type env struct {
	url, org, tokenID, token string
}

func loadEnv(t *testing.T) env {
	t.Helper()
	e := env{
		url:     os.Getenv("DBPLANE_URL"),
		org:     os.Getenv("PLANETSCALE_ORG"),
		tokenID: os.Getenv("PLANETSCALE_SERVICE_TOKEN_ID"),
		token:   os.Getenv("PLANETSCALE_SERVICE_TOKEN"),
	}
	if e.url == "" || e.org == "" || e.tokenID == "" || e.token == "" {
		// Not a skip: without a dbplane to drive, the suite has tested nothing.
		t.Fatal("DBPLANE_URL, PLANETSCALE_ORG, PLANETSCALE_SERVICE_TOKEN_ID and PLANETSCALE_SERVICE_TOKEN " +
			"must be set (clients/run sets them)")
	}
	return e
}

// client is planetscale-go pointed at dbplane the way its README says: base URL without /v1.
func client(t *testing.T, e env, tokenID, token string) *ps.Client {
	t.Helper()
	c, err := ps.NewClient(ps.WithBaseURL(e.url), ps.WithServiceToken(tokenID, token))
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c
}

func ctx(t *testing.T) context.Context {
	t.Helper()
	c, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return c
}

// uniqueName gives every run its own database names, so a rerun against the same dbplane
// never collides with what an earlier run left.
func uniqueName(prefix string) string {
	return fmt.Sprintf("%s-%d", prefix, time.Now().UnixNano()%1_000_000_000_000)
}

// wantCode asserts err is the SDK's typed *ps.Error with that code and a message containing want.
func wantCode(t *testing.T, err error, code ps.ErrorCode, want string) {
	t.Helper()
	var psErr *ps.Error
	if !errors.As(err, &psErr) {
		t.Fatalf("want *planetscale.Error with code %q, got %T: %v", code, err, err)
	}
	if psErr.Code != code {
		t.Fatalf("want code %q, got %q (%v, meta %v)", code, psErr.Code, psErr, psErr.Meta)
	}
	if !strings.Contains(psErr.Error(), want) {
		t.Fatalf("want a message containing %q, got %q", want, psErr.Error())
	}
}
