package main

import (
	"bytes"
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/lede-tui/lede/model"
)

// pngHeader starts every PNG file.
var pngHeader = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")

// testFetcher is a fetcher with its own transport, no proxy, a 1 KB limit
// and a timeout long enough for any test that does not wait for it.
func testFetcher(t *testing.T) *fetcher {
	t.Helper()
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.Proxy = nil
	t.Cleanup(tr.CloseIdleConnections)
	return &fetcher{
		client:    &http.Client{Transport: tr},
		limit:     1 << 10,
		timeout:   5 * time.Second,
		userAgent: "lede/test",
	}
}

// serve starts a test server with handler and returns its address.
func serve(t *testing.T, handler http.HandlerFunc) string {
	t.Helper()
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	return srv.URL
}

// page answers with body sent as contentType; "" sends no Content-Type.
func page(contentType string, body []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if contentType == "" {
			w.Header()["Content-Type"] = nil // no sniffing by the server
		} else {
			w.Header().Set("Content-Type", contentType)
		}
		w.Write(body)
	}
}

// waitForClient sends the headers, when status is not 0, and then nothing
// until the client gives up.
func waitForClient(status int, header http.Header) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if status != 0 {
			for k, v := range header {
				w.Header()[k] = v
			}
			w.WriteHeader(status)
			w.(http.Flusher).Flush()
		}
		<-r.Context().Done()
	}
}

// hijacked writes raw bytes on the connection and closes it.
func hijacked(raw string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			panic(err)
		}
		buf.WriteString(raw)
		buf.Flush()
		conn.Close()
	}
}

func TestFetchPages(t *testing.T) {
	html := []byte("<!doctype html><title>Interview</title><p>Hello.</p>")
	text := []byte("An interview\n\nQ: Why?\n\nA: Because.\n")
	gbk := []byte("<html><body><p>\xc4\xe3\xba\xc3</p></body></html>")
	for _, tc := range []struct {
		name        string
		handler     http.HandlerFunc
		path        string
		data        []byte
		contentType string
	}{
		{"html", page("text/html; charset=utf-8", html), "/a", html, "text/html; charset=utf-8"},
		{"plain text", page("text/plain", text), "/a.txt", text, "text/plain"},
		{"charset passes through", page("text/html; charset=gbk", gbk), "/a", gbk, "text/html; charset=gbk"},
		{"markdown", page("text/markdown", text), "/a.md", text, "text/markdown"},
		{"xhtml", page("application/xhtml+xml", html), "/a", html, "application/xhtml+xml"},
		{"no content type, text", page("", text), "/a", text, ""},
		{"octet-stream, text", page("application/octet-stream", text), "/a.md", text, "application/octet-stream"},
		{"empty", page("text/plain", nil), "/a", []byte{}, "text/plain"},
		{"exactly the limit", page("text/plain", bytes.Repeat([]byte("a"), 1<<10)), "/a", bytes.Repeat([]byte("a"), 1<<10), "text/plain"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			url := serve(t, tc.handler) + tc.path
			got, err := testFetcher(t).fetch(t.Context(), url)
			if err != nil {
				t.Fatal(err)
			}
			want := model.Input{Name: url, Data: tc.data, ContentType: tc.contentType}
			if got.Name != want.Name || !bytes.Equal(got.Data, want.Data) || got.ContentType != want.ContentType || got.Format != model.FormatAuto {
				t.Errorf("fetch(%s) = %+v, want %+v", url, got, want)
			}
		})
	}
}

func TestFetchHeaders(t *testing.T) {
	var got http.Header
	url := serve(t, func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Clone()
		w.Write([]byte("text"))
	})
	if _, err := testFetcher(t).fetch(t.Context(), url); err != nil {
		t.Fatal(err)
	}
	if ua := got.Get("User-Agent"); ua != "lede/test" {
		t.Errorf("User-Agent = %q, want lede/test", ua)
	}
	if accept := got.Get("Accept"); !strings.HasPrefix(accept, "text/html,") || !strings.Contains(accept, "text/markdown") || !strings.Contains(accept, "text/plain") {
		t.Errorf("Accept = %q, want text/html first, then text/markdown and text/plain", accept)
	}
}

func TestFetchRedirect(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/moved", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/new", http.StatusFound)
	})
	mux.HandleFunc("/new", page("text/plain", []byte("arrived")))
	url := serve(t, mux.ServeHTTP) + "/old"
	got, err := testFetcher(t).fetch(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != url || string(got.Data) != "arrived" {
		t.Errorf("fetch(%s) = %q named %q, want %q named as given", url, got.Data, got.Name, "arrived")
	}
}

func TestFetchErrors(t *testing.T) {
	endless := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		chunk := bytes.Repeat([]byte("endless "), 128)
		for r.Context().Err() == nil {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}
	trickle := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		for {
			if _, err := w.Write([]byte("a")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}
	loop := func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Path, http.StatusFound)
	}
	for _, tc := range []struct {
		name    string
		handler http.HandlerFunc
		timeout time.Duration // 0 keeps the test fetcher's
		want    string        // after "fetch URL: "
	}{
		{"404", http.NotFound, 0, "404 Not Found"},
		{"500", func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "oops", http.StatusInternalServerError)
		}, 0, "500 Internal Server Error"},
		{"odd reason phrase", hijacked("HTTP/1.1 410 Long Gone\r\nContent-Length: 0\r\n\r\n"), 0, "410 Gone"},
		{"unknown status", hijacked("HTTP/1.1 599 Custom\r\nContent-Length: 0\r\n\r\n"), 0, "599 Custom"},
		{"image", page("image/png", pngHeader), 0, "image/png is not a text document"},
		{"zip", page("application/zip", []byte("PK\x03\x04")), 0, "application/zip is not a text document"},
		{"json", page("application/json", []byte(`{"a":1}`)), 0, "application/json is not a text document"},
		{"no content type, binary", page("", []byte("\x00\x01\x02\x03binary")), 0, "application/octet-stream is not a text document"},
		{"octet-stream, png", page("application/octet-stream", pngHeader), 0, "image/png is not a text document"},
		{"slow answer", waitForClient(0, nil), 100 * time.Millisecond, "no answer within 100ms"},
		{"trickling body", trickle, 100 * time.Millisecond, "no answer within 100ms"},
		{"endless body", endless, 0, "larger than 1 KB"},
		{"declared too large", waitForClient(http.StatusOK, http.Header{
			"Content-Type":   {"text/plain"},
			"Content-Length": {"2048"},
		}), 0, "larger than 1 KB"},
		{"short body", hijacked("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nshort"), 0, "connection closed before the end of the page"},
		{"closed", hijacked(""), 0, "connection closed without an answer"},
		{"redirect loop", loop, 0, "stopped after 10 redirects"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := testFetcher(t)
			if tc.timeout != 0 {
				f.timeout = tc.timeout
			}
			url := serve(t, tc.handler) + "/article"
			checkFetchError(t, f, url, "fetch "+url+": "+tc.want)
		})
	}
}

// checkFetchError checks that fetching url fails with the message want.
func checkFetchError(t *testing.T, f *fetcher, url, want string) {
	t.Helper()
	got, err := f.fetch(t.Context(), url)
	if err == nil {
		t.Fatalf("fetch(%s) = %q, want error %q", url, got.Data, want)
	}
	if err.Error() != want {
		t.Errorf("fetch(%s) error:\n got %s\nwant %s", url, err, want)
	}
	if got.Name != url || got.Data != nil {
		t.Errorf("fetch(%s) failed with input %+v, want only the name", url, got)
	}
}

func TestFetchTLSErrors(t *testing.T) {
	srv := httptest.NewTLSServer(page("text/plain", []byte("secret")))
	t.Cleanup(srv.Close)
	checkFetchError(t, testFetcher(t), srv.URL, "fetch "+srv.URL+": certificate signed by unknown authority")

	plain := "https://" + strings.TrimPrefix(serve(t, page("text/plain", nil)), "http://")
	checkFetchError(t, testFetcher(t), plain, "fetch "+plain+": server gave HTTP response to HTTPS client")
}

func TestFetchConnectionRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	url := "http://" + addr + "/article"
	checkFetchError(t, testFetcher(t), url, "fetch "+url+": cannot connect to "+addr+" (connection refused)")
}

func TestFetchLookupErrors(t *testing.T) {
	for _, tc := range []struct {
		dnsErr *net.DNSError
		want   string
	}{
		{&net.DNSError{Err: "no such host", IsNotFound: true}, "no such host nowhere.example"},
		{&net.DNSError{Err: "server misbehaving", IsTemporary: true}, "cannot look up nowhere.example (server misbehaving)"},
	} {
		f := testFetcher(t)
		// The resolver's answer, without asking the network.
		f.client.Transport.(*http.Transport).DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
			tc.dnsErr.Name, _, _ = net.SplitHostPort(addr)
			return nil, &net.OpError{Op: "dial", Net: network, Err: tc.dnsErr}
		}
		url := "http://nowhere.example/article"
		checkFetchError(t, f, url, "fetch "+url+": "+tc.want)
	}
}

func TestFetchInvalidURL(t *testing.T) {
	for url, want := range map[string]string{
		"http://":               "invalid URL: no host",
		"https:///path":         "invalid URL: no host",
		"http://[::1":           "invalid URL: missing ']' in host",
		"http://exa mple.com/":  `invalid URL: invalid character " " in host name`,
		"ftp://example.com/a":   `invalid URL: "ftp" is not http or https`,
		"http://example.com/\n": "invalid URL: invalid control character in URL",
	} {
		checkFetchError(t, testFetcher(t), url, "fetch "+model.DisplayName(url)+": "+want)
	}
}

func TestFetchCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	url := serve(t, func(w http.ResponseWriter, r *http.Request) {
		cancel() // as ctrl+c while lede waits for the answer
		<-r.Context().Done()
	})
	_, err := testFetcher(t).fetch(ctx, url)
	if !errors.Is(err, context.Canceled) || err.Error() != "fetch "+url+": context canceled" {
		t.Errorf("fetch(%s) canceled: error %v, want context canceled", url, err)
	}
}

func TestFetchDefaults(t *testing.T) {
	f := newFetcher()
	if f.limit != 20<<20 || f.timeout != 30*time.Second {
		t.Errorf("newFetcher: limit %d, timeout %s; want 20 MB, 30s", f.limit, f.timeout)
	}
	if !strings.HasPrefix(f.userAgent, "lede/") || strings.ContainsAny(f.userAgent, "() ") {
		t.Errorf("newFetcher: User-Agent %q, want lede/VERSION", f.userAgent)
	}
	url := serve(t, waitForClient(http.StatusOK, http.Header{
		"Content-Type":   {"text/html"},
		"Content-Length": {"30000000"},
	}))
	checkFetchError(t, f, url, "fetch "+url+": larger than 20 MB")
}

func TestFetchByteSize(t *testing.T) {
	for n, want := range map[int64]string{
		20 << 20: "20 MB",
		1 << 10:  "1 KB",
		1536:     "1536 bytes",
		3 << 19:  "1536 KB",
		100:      "100 bytes",
	} {
		if got := byteSize(n); got != want {
			t.Errorf("byteSize(%d) = %q, want %q", n, got, want)
		}
	}
}
