package model

// extractSections splits the paragraphs into sections.
func (d *Document) extractSections() {
	d.Sections = []Section{{Title: d.Title, Start: 0, End: len(d.Paragraphs)}}
}
