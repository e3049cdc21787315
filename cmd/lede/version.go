package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3";
// otherwise the build info tells the version (see versionOf).
var version = ""

// currentVersion is lede's version, as the User-Agent and crash reports
// name it.
func currentVersion() string {
	info, _ := debug.ReadBuildInfo()
	return versionOf(version, info)
}

// versionLine is what --version prints: lede's version, and for a build
// without one, the Go version and how to get a stamped build.
func versionLine() string {
	v := currentVersion()
	if v != develVersion {
		return "lede " + v
	}
	return fmt.Sprintf("lede %s, built with %s without version information; for a stamped build, build in a git clone with -buildvcs=true (the default unless GOFLAGS says otherwise)", v, runtime.Version())
}

// develVersion is the version of a build that has none.
const develVersion = "(devel)"

// versionOf is the version stamped into a build: set, if set by -ldflags;
// else the module's version, which "go install …@v1.2.3" stamps, and
// "go build" in a git clone too (a pseudo-version naming the commit,
// +dirty for uncommitted changes); else the commit itself from the
// build's VCS settings; else develVersion.
func versionOf(set string, info *debug.BuildInfo) string {
	if set != "" {
		return set
	}
	if info == nil {
		return develVersion
	}
	if v := info.Main.Version; v != "" && v != develVersion {
		return v
	}
	var revision, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if revision != "" {
		if modified == "true" {
			revision += "-dirty"
		}
		return revision
	}
	return develVersion
}
