package model

// readMarkdown reads Markdown text.
func readMarkdown(text string) *Document {
	return readPlain(text)
}
