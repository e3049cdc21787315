package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/lede-tui/lede/model"
)

// The fetcher's defaults: the largest page it accepts and how long a whole
// request may take, body included.
const (
	defaultFetchLimit   = 20 << 20
	defaultFetchTimeout = 30 * time.Second
)

// acceptHeader asks for a web page first, then Markdown, then plain text;
// anything else is still welcome so that picky servers do not answer 406.
const acceptHeader = "text/html,application/xhtml+xml,text/markdown;q=0.9,text/plain;q=0.8,*/*;q=0.1"

// fetcher fetches articles over HTTP.
type fetcher struct {
	// client sends the requests and follows up to 10 redirects.
	client *http.Client
	// limit is the largest body accepted, in bytes.
	limit int64
	// timeout bounds the whole request, body included.
	timeout time.Duration
	// userAgent names lede to the servers.
	userAgent string
}

// newFetcher returns a fetcher that accepts up to 20 MB in 30 seconds.
func newFetcher() *fetcher {
	return &fetcher{
		client:    &http.Client{},
		limit:     defaultFetchLimit,
		timeout:   defaultFetchTimeout,
		userAgent: "lede/" + strings.Trim(currentVersion(), "()"),
	}
}

// fetch GETs rawURL and returns the page for reading: named by the URL as
// given, whatever the redirects, with the Content-Type the server sent.
// It refuses an answer other than 2xx, a body that is not text and a body
// larger than the limit; every error is one line starting "fetch URL: ".
func (f *fetcher) fetch(ctx context.Context, rawURL string) (model.Input, error) {
	input := model.Input{Name: rawURL}
	data, contentType, err := f.get(ctx, rawURL)
	if err != nil {
		return input, fmt.Errorf("fetch %s: %w", model.DisplayName(rawURL), err)
	}
	input.Data, input.ContentType = data, contentType
	return input, nil
}

// get does the work of fetch, returning the body and the Content-Type.
func (f *fetcher) get(ctx context.Context, rawURL string) ([]byte, string, error) {
	reqCtx, cancel := context.WithTimeout(ctx, f.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(reqCtx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, "", fmt.Errorf("invalid URL: %s", reason(err))
	}
	switch {
	case req.URL.Scheme != "http" && req.URL.Scheme != "https":
		return nil, "", fmt.Errorf("invalid URL: %q is not http or https", req.URL.Scheme)
	case req.URL.Host == "":
		return nil, "", errors.New("invalid URL: no host")
	}
	req.Header.Set("User-Agent", f.userAgent)
	req.Header.Set("Accept", acceptHeader)

	resp, err := f.client.Do(req)
	if err != nil {
		return nil, "", f.explain(ctx, reqCtx, err, req.URL.Host, false)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, "", statusError(resp)
	}
	contentType := resp.Header.Get("Content-Type")
	mediaType := mediaTypeOf(contentType)
	// A missing type, or the one that means "some bytes", is sniffed
	// from the body instead.
	sniff := mediaType == "" || mediaType == "application/octet-stream"
	if !sniff && !isTextType(mediaType) {
		return nil, "", fmt.Errorf("%s is not a text document", mediaType)
	}
	if resp.ContentLength > f.limit {
		return nil, "", fmt.Errorf("larger than %s", byteSize(f.limit))
	}
	data, over, err := readAtMost(resp.Body, f.limit, max(resp.ContentLength, 0))
	if err != nil {
		return nil, "", f.explain(ctx, reqCtx, err, req.URL.Host, true)
	}
	if over {
		return nil, "", fmt.Errorf("larger than %s", byteSize(f.limit))
	}
	if sniff {
		if sniffed := mediaTypeOf(http.DetectContentType(data)); !isTextType(sniffed) {
			return nil, "", fmt.Errorf("%s is not a text document", sniffed)
		}
	}
	return data, contentType, nil
}

// explain turns a failed request, or a failed read of its body when
// reading, into one short reason; host is the host as the URL names it,
// for when the failure does not say which host of a redirect it was.
func (f *fetcher) explain(ctx, reqCtx context.Context, err error, host string, reading bool) error {
	if ctx.Err() != nil {
		return context.Cause(ctx)
	}
	if errors.Is(reqCtx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("no answer within %s", f.timeout)
	}
	var uerr *url.Error
	if errors.As(err, &uerr) {
		if u, perr := url.Parse(uerr.URL); perr == nil && u.Host != "" {
			host = u.Host
		}
	}
	var dnsErr *net.DNSError
	var opErr *net.OpError
	switch {
	case (errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)) && reading:
		return errors.New("connection closed before the end of the page")
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("connection closed without an answer")
	case errors.As(err, &dnsErr) && dnsErr.IsNotFound:
		return fmt.Errorf("no such host %s", dnsErr.Name)
	case errors.As(err, &dnsErr):
		return fmt.Errorf("cannot look up %s (%s)", dnsErr.Name, dnsErr.Err)
	case errors.As(err, &opErr) && opErr.Op == "dial":
		return fmt.Errorf("cannot connect to %s (%s)", host, reason(opErr))
	}
	return errors.New(reason(err))
}

// reason is the innermost message of err, such as "connection refused" or
// "certificate signed by unknown authority", without the Go package
// prefix.
func reason(err error) string {
	for inner := errors.Unwrap(err); inner != nil; inner = errors.Unwrap(err) {
		err = inner
	}
	msg := err.Error()
	for _, prefix := range []string{"net/http: ", "net/url: ", "http: ", "tls: ", "x509: "} {
		msg = strings.TrimPrefix(msg, prefix)
	}
	return msg
}

// statusError reports an answer other than 2xx as "404 Not Found", with
// the standard wording whatever the server's.
func statusError(resp *http.Response) error {
	if text := http.StatusText(resp.StatusCode); text != "" {
		return fmt.Errorf("%d %s", resp.StatusCode, text)
	}
	return errors.New(resp.Status)
}

// mediaTypeOf is the lower-case media type of a Content-Type header,
// without its parameters: "text/html" for "text/HTML; charset=gbk".
func mediaTypeOf(contentType string) string {
	mediaType, _, _ := strings.Cut(contentType, ";")
	return strings.ToLower(strings.TrimSpace(mediaType))
}

// isTextType reports whether a media type can hold an article: any text,
// XHTML or XML. JSON, feeds, images and archives cannot.
func isTextType(mediaType string) bool {
	switch mediaType {
	case "application/xhtml+xml", "application/xml":
		return true
	}
	return strings.HasPrefix(mediaType, "text/")
}

// byteSize writes a size in bytes as "20 MB" or "1 KB" when it is a whole
// number of them.
func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
