package library

import (
	"bufio"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// The tests of this file use real library files, and other processes:
// the test binary run again as a helper (see TestMain).

// helperEnv names the helper's job and library in a child's environment.
const (
	helperJob  = "LEDE_LIBRARY_HELPER"
	helperPath = "LEDE_LIBRARY_PATH"
)

func TestMain(m *testing.M) {
	if job := os.Getenv(helperJob); job != "" {
		os.Exit(helper(job, os.Getenv(helperPath)))
	}
	os.Exit(m.Run())
}

// helper runs a child's job on the library at path: "write N" records N
// documents and sets their places, printing each ID once it is saved;
// "forever" does the same until it is killed; "open" only opens it.
func helper(job, path string) int {
	l, err := Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if job == "open" {
		return 0
	}
	defer l.Close()
	n := -1
	if count, ok := strings.CutPrefix(job, "write "); ok {
		n, _ = strconv.Atoi(count)
	}
	pid := os.Getpid()
	for i := 0; i != n; i++ {
		text := fmt.Sprintf("document %d of process %d, with some text to index", i, pid)
		id, err := l.Record(Document{Source: fmt.Sprintf("/%d/%d.txt", pid, i), Hash: Hash([]byte(text)), Title: "t"}, text)
		if err == nil {
			err = l.SetPlace(id, NewAnchor([]string{text}, 0, 9))
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		fmt.Println(id)
	}
	return 0
}

// child starts the test binary as a helper doing job on the library at
// path; its output is piped.
func child(t *testing.T, job, path string) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperJob+"="+job, helperPath+"="+path)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, bufio.NewScanner(out)
}

func TestTwoProcessesWriteAtOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	const each = 40
	var scans []*bufio.Scanner
	var cmds []*exec.Cmd
	for range 2 {
		cmd, scan := child(t, fmt.Sprintf("write %d", each), path)
		cmds, scans = append(cmds, cmd), append(scans, scan)
	}
	ids := map[string]bool{}
	for i, scan := range scans {
		for scan.Scan() {
			ids[scan.Text()] = true
		}
		if err := cmds[i].Wait(); err != nil {
			t.Fatalf("process %d: %v", i, err)
		}
	}
	if len(ids) != 2*each {
		t.Fatalf("the processes saved %d documents, want %d", len(ids), 2*each)
	}
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	docs, err := l.List()
	if err != nil || len(docs) != 2*each {
		t.Fatalf("the library holds %d documents (%v), want %d", len(docs), err, 2*each)
	}
	if hits, err := l.Search("indexed OR text", 1000); err != nil || len(hits) != 0 {
		// "indexed OR text" is two words, both required; no text has
		// "indexed".
		t.Fatalf("Search = %d hits, %v", len(hits), err)
	}
	if hits, err := l.Search("some text", 1000); err != nil || len(hits) != 2*each {
		t.Fatalf("Search finds %d of the %d documents (%v)", len(hits), 2*each, err)
	}
}

func TestKillDuringWritesLosesNothingSaved(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	cmd, scan := child(t, "forever", path)
	var saved []string
	for len(saved) < 200 && scan.Scan() {
		saved = append(saved, scan.Text())
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL
		t.Fatal(err)
	}
	cmd.Wait()
	l, err := Open(path)
	if err != nil {
		t.Fatalf("Open after kill -9: %v", err)
	}
	defer l.Close()
	var check string
	if err := l.db.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	for _, id := range saved {
		d, err := l.Find(id)
		if err != nil {
			t.Fatalf("document %s was saved before the kill and is lost: %v", id, err)
		}
		if _, ok, err := l.Place(d.ID); !ok || err != nil {
			t.Fatalf("the place of document %s is lost: %v", id, err)
		}
	}
}

func TestCorruptFileFailsAtOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	junk := []byte(strings.Repeat("this is no database, just bytes that happen to be here\n", 200))
	if err := os.WriteFile(path, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path)
	if err == nil || !strings.Contains(err.Error(), "not a lede library or damaged") || strings.Contains(err.Error(), "\n") {
		t.Fatalf("Open of a corrupt file = %v; want one line saying so", err)
	}
	if got, _ := os.ReadFile(path); string(got) != string(junk) {
		t.Fatal("Open changed the corrupt file")
	}
}

func TestLockedFileFailsAtOpen(t *testing.T) {
	_, path := open(t)
	// Another program holds the write lock and does not let go.
	other, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.SetMaxOpenConns(1)
	if _, err := other.Exec("BEGIN EXCLUSIVE; UPDATE meta SET opened = opened"); err != nil {
		t.Fatal(err)
	}
	_, err = Open(path)
	if err == nil || !strings.Contains(err.Error(), "locked by another program") {
		t.Fatalf("Open of a locked file = %v; want that it is locked", err)
	}
	other.Exec("ROLLBACK")
}

func TestReadOnlyFileFailsAtOpen(t *testing.T) {
	l, path := open(t)
	l.Close()
	dir := filepath.Dir(path)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	if os.Geteuid() != 0 {
		_, err := Open(path)
		if err == nil || !strings.Contains(err.Error(), "cannot be written") {
			t.Fatalf("Open of a read-only file = %v; want that it cannot be written", err)
		}
		return
	}
	// Root writes read-only files: a helper run as nobody opens it, from
	// a copy of the test binary nobody may run.
	exe := filepath.Join(t.TempDir(), "helper")
	data, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(exe, data, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{filepath.Dir(filepath.Dir(exe)), filepath.Dir(exe), filepath.Dir(dir)} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), helperJob+"=open", helperPath+"="+path)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "cannot be written") || strings.Count(string(out), "\n") != 1 {
		t.Fatalf("Open of a read-only file as nobody = %v, %q; want one line saying it cannot be written", err, out)
	}
}
