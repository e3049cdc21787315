package model

// extractQuotes finds quotes.
func (d *Document) extractQuotes() { d.Quotes = nil }
