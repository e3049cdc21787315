package model

// readHTML reads an HTML page.
func readHTML(data []byte, contentType string) (*Document, error) {
	return readPlainBytes(data)
}
