package model

// extractExchanges pairs questions with answers.
func (d *Document) extractExchanges() { d.Exchanges = nil }
