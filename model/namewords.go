package model

// isNameGlue reports whether w, a lower-case word between two capitalised
// ones, may join them into one name: a particle of a person's name ("Ludwig
// van Beethoven"), a connector of a title ("Secretary of State", "Arts and
// Humanities"), or, when org is set, a connector that only the names of
// organisations and places take ("Centre for Ageing", "Bank of the West",
// "AT & T"). A speaker's label names a person or a title, and reads with
// org unset.
func isNameGlue(w string, org bool) bool {
	lx := words()
	return lx.nameParticles.has(w) || isNameConnector(w, org)
}

// isNameConnector reports whether w is a connector that isNameGlue takes:
// not a particle, so not part of a person's name at its start.
func isNameConnector(w string, org bool) bool {
	lx := words()
	return lx.titleConnectors.has(w) || org && lx.orgConnectors.has(w)
}
