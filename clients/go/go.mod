module github.com/dbplane/dbplane/clients/go

go 1.26.0

require github.com/planetscale/planetscale-go v0.178.0

require (
	github.com/hashicorp/go-cleanhttp v0.5.2 // indirect
	golang.org/x/oauth2 v0.36.0 // indirect
)
